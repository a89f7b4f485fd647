package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * GraphiQL documents the whole API: every type, field, argument, input field and enum
 * value has a description.
 */
class SchemaDocumentationTest {

    @Test
    void everyElementOfTheSchemaIsDescribed() throws Exception {
        var registry = registry();
        var undescribed = new ArrayList<String>();
        registry.types().values().forEach(type -> check(type.getName(), type, undescribed));
        registry.objectTypeExtensions()
            .values()
            .forEach(extensions -> extensions.forEach(type -> describeFields(type, undescribed)));
        registry.types().values().forEach(type -> {
            switch (type) {
                case ObjectTypeDefinition object -> describeFields(object, undescribed);
                case InputObjectTypeDefinition input -> input.getInputValueDefinitions()
                    .forEach(field -> check(type.getName() + "." + field.getName(), field, undescribed));
                case EnumTypeDefinition enumType -> enumType.getEnumValueDefinitions()
                    .forEach(value -> check(type.getName() + "." + value.getName(), value, undescribed));
                default -> {
                }
            }
        });
        assertThat(undescribed).isEmpty();
        assertThat(registry.types()).containsKeys("Village", "Account", "Brand", "Product", "Category", "PageInfo",
                "UserError");
    }

    /**
     * A create input describes what a new object gets, not what a change keeps, moves or
     * clears: an integrator read "moves the brand there" and "null removes it" on
     * `CreateBrandInput`. And a user error's message says the language it is in.
     */
    @Test
    void createInputsDescribeCreatingAndMessagesTheirLanguage() throws Exception {
        var registry = registry();
        var changeWords = List.of("left out keeps", "keeps its", "moves", "removes it", "clears", "replaces");
        var wrong = new ArrayList<String>();
        registry.types().values().forEach(type -> {
            if (type instanceof InputObjectTypeDefinition input && input.getName().startsWith("Create")) {
                describedAs(input.getName(), input, changeWords, wrong);
                input.getInputValueDefinitions()
                    .forEach(field -> describedAs(input.getName() + "." + field.getName(), field, changeWords, wrong));
            }
        });
        assertThat(wrong).as("create inputs described as changes").isEmpty();
        var message = ((ObjectTypeDefinition) registry.getType("UserError").orElseThrow()).getFieldDefinitions()
            .stream()
            .filter(field -> field.getName().equals("message"))
            .findFirst()
            .orElseThrow();
        assertThat(message.getDescription().getContent()).contains("in English");
    }

    private static void describedAs(String name, AbstractDescribedNode<?> node, List<String> changeWords,
            List<String> wrong) {
        var description = node.getDescription() == null ? "" : node.getDescription().getContent();
        changeWords.stream().filter(description::contains).forEach(word -> wrong.add(name + ": " + word));
    }

    private static TypeDefinitionRegistry registry() throws Exception {
        var registry = new TypeDefinitionRegistry();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        return registry;
    }

    private static void describeFields(ObjectTypeDefinition type, List<String> undescribed) {
        for (var field : type.getFieldDefinitions()) {
            check(type.getName() + "." + field.getName(), field, undescribed);
            field.getInputValueDefinitions()
                .forEach(argument -> check(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                        argument, undescribed));
        }
    }

    private static void check(String name, Object node, List<String> undescribed) {
        if (node instanceof AbstractDescribedNode<?> described
                && (described.getDescription() == null || described.getDescription().getContent().isBlank())) {
            undescribed.add(name);
        }
    }

}
