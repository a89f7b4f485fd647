package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a client reads in the schema means what it says: a name `id` or ending in `Id` or
 * `Ids` is an identifier (Relay and Apollo caches take `id` for identity), a date is a
 * date scalar rather than text, and user error codes are a closed, documented list.
 */
class ApiContractTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        var registry = new TypeDefinitionRegistry();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    @Test
    void everyIdIsAnIdentifier() {
        var wrong = new ArrayList<String>();
        walk((name, type) -> {
            var last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\(|\\)", "");
            if ((last.equals("id") || last.endsWith("Id") || last.endsWith("Ids"))
                    && unwrapped(type) != Scalars.GraphQLID) {
                wrong.add(name + ": " + GraphQLTypeUtil.simplePrint(type));
            }
        });
        assertThat(wrong).as("names of identifiers whose type is not ID").isEmpty();
    }

    @Test
    void datesAreNotText() {
        var wrong = new ArrayList<String>();
        walk((name, type) -> {
            if (name.matches(".*(At|Date|On)\\)?$") && unwrapped(type) == Scalars.GraphQLString) {
                wrong.add(name);
            }
        });
        assertThat(wrong).as("dates and instants typed String").isEmpty();
        assertThat(schema.getType("Date")).isNotNull();
        assertThat(schema.getType("DateTime")).isNotNull();
    }

    @Test
    void localizedTextNamesItsLanguages() {
        assertThat(((GraphQLFieldsContainer) schema.getType("LocalizedText")).getFieldDefinitions())
            .extracting(GraphQLFieldDefinition::getName)
            .containsExactlyInAnyOrder("indonesian", "english");
        assertThat(((GraphQLInputObjectType) schema.getType("LocalizedTextInput")).getFieldDefinitions())
            .extracting(field -> field.getName())
            .containsExactlyInAnyOrder("indonesian", "english");
    }

    @Test
    void userErrorCodesAreTheOnesTheServicesUse() {
        var code = schema.getObjectType("UserError").getFieldDefinition("code").getType();
        assertThat(GraphQLTypeUtil.simplePrint(code)).isEqualTo("UserErrorCode!");
        var values = ((GraphQLEnumType) schema.getType("UserErrorCode")).getValues();
        assertThat(values).extracting(GraphQLEnumValueDefinition::getName)
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(UserErrorCode.values()).map(Enum::name).toList());
        assertThat(values).allSatisfy(value -> assertThat(value.getDescription()).isNotBlank());
    }

    @Test
    void noStorageKeysAreExposed() {
        var keys = new ArrayList<String>();
        walk((name, type) -> {
            if (name.matches(".*\\.(key|keys|\\w+Key|\\w+Image)\\)?$") && unwrapped(type) == Scalars.GraphQLString) {
                keys.add(name);
            }
        });
        assertThat(keys).as("storage keys given as text").isEmpty();
    }

    /**
     * Every field of object and interface types, their arguments (as `Type.field(arg)`)
     * and every input field, with its type.
     */
    private static void walk(Check check) {
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (var field : container.getFieldDefinitions()) {
                    var name = type.getName() + "." + field.getName();
                    check.apply(name, field.getType());
                    for (GraphQLArgument argument : field.getArguments()) {
                        check.apply(name + "(" + argument.getName() + ")", argument.getType());
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions()
                    .forEach(field -> check.apply(type.getName() + "." + field.getName(), field.getType()));
            }
        }
    }

    private static GraphQLType unwrapped(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type);
    }

    private interface Check {

        void apply(String name, GraphQLType type);

    }

}
