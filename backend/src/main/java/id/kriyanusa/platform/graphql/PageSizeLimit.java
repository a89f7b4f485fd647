package id.kriyanusa.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import org.springframework.stereotype.Component;

/**
 * Refuses a connection field's `first` out of range with a BAD_REQUEST on that field.
 * {@code ScrollSubrange} reads a negative `first` as "not given", which would quietly
 * answer a default page.
 */
@Component
class PageSizeLimit extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        // a property of its source has no page; asking for its field definition would
        // make
        // graphql-java build the environment it leaves out for such fields
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        var field = parameters.getField();
        GraphQLUnmodifiedType type = GraphQLTypeUtil.unwrapAll(field.getType());
        if (field.getArgument("first") == null || !type.getName().endsWith("Connection")) {
            return dataFetcher;
        }
        return environment -> {
            Integer first = environment.getArgument("first");
            if (first != null) {
                OffsetPage.checkSize(first);
            }
            return dataFetcher.get(environment);
        };
    }

}
