package id.kriyanusa.platform.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns domain exceptions into classified GraphQL errors (`extensions.classification`),
 * so clients see NOT_FOUND or BAD_REQUEST with a readable message instead of
 * INTERNAL_ERROR. Security exceptions are classified by Spring Security's own resolver
 * (UNAUTHORIZED, FORBIDDEN).
 */
@Component
class GraphQlErrorClassifier extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        ErrorType type;
        if (ex instanceof NotFoundException) {
            type = ErrorType.NOT_FOUND;
        }
        else if (ex instanceof ConstraintViolationException || ex instanceof IllegalArgumentException) {
            type = ErrorType.BAD_REQUEST;
        }
        else {
            return null;
        }
        return GraphQLError.newError()
            .errorType(type)
            .message(ex.getMessage())
            .path(env.getExecutionStepInfo().getPath())
            .location(env.getField().getSourceLocation())
            .build();
    }

}
