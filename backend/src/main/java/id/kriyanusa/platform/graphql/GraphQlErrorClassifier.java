package id.kriyanusa.platform.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import id.kriyanusa.platform.ServiceUnavailableException;
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

    /**
     * A backing service did not answer: the client may send the same request again
     * shortly.
     */
    enum Unavailable implements ErrorClassification {

        UNAVAILABLE

    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (temporaryFailure(ex)) {
            return GraphQLError.newError()
                .errorType(Unavailable.UNAVAILABLE)
                .message("A service the portal needs did not answer; try again in a moment")
                .extensions(Map.of("retryable", true))
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField().getSourceLocation())
                .build();
        }
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

    /**
     * A backing service unreachable, frozen or cut off: an input/output failure anywhere
     * in the cause chain.
     */
    private static boolean temporaryFailure(Throwable ex) {
        for (var cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException || cause instanceof IOException
                    || cause instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

}
