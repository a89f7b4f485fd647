package id.kriyanusa.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import id.kriyanusa.platform.GlobalId;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Relay's `node(id)`: any object with a global id, found by the module that owns its
 * type.
 */
@Controller
class NodeGraphQlController {

    private final Map<String, NodeLookup> byTypeName;

    NodeGraphQlController(List<NodeLookup> lookups) {
        this.byTypeName = lookups.stream().collect(Collectors.toMap(NodeLookup::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id) {
        var lookup = byTypeName.get(GlobalId.typeOf(id));
        return lookup == null ? null : lookup.find(id).orElse(null);
    }

    @Bean
    static RuntimeWiringConfigurer nodeTypeResolver(List<NodeLookup> lookups) {
        Map<Class<?>, String> typeNames = lookups.stream()
            .collect(Collectors.toMap(NodeLookup::javaType, NodeLookup::typeName));
        TypeResolver resolver = environment -> {
            var typeName = typeNames.get(environment.getObject().getClass());
            return typeName == null ? null : (GraphQLObjectType) environment.getSchema().getType(typeName);
        };
        return wiring -> wiring.type("Node", type -> type.typeResolver(resolver));
    }

}
