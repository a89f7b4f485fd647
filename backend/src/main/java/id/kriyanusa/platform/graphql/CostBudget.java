package id.kriyanusa.platform.graphql;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLFieldDefinition;
import id.kriyanusa.platform.KeyedRateLimit;

/**
 * Bounds the work a request asks of the engines behind the schema, counted from the
 * `@cost(weight:)` of each selected field (a search, its facets, its spelling
 * suggestion...): at most {@code perRequest} in one request, and at most
 * {@code perMinute} per client address in a minute, so one client repeating expensive
 * searches under aliases, or in a loop, cannot take the search capacity of everyone. The
 * server-rendered pages, run in process, pass their visitor's address too, so a visitor
 * reloading /cari spends the same budget as an API client, and the page tells them to
 * wait; a request without an address counts only against the per-request bound. The
 * budget is kept per instance: it is about fairness, not abuse, so a fleet of N instances
 * may grant N budgets a minute (ADR 0016) rather than add a database round trip to every
 * API request.
 */
final class CostBudget extends SimplePerformantInstrumentation {

    /** A client has spent its budget: it may try again after the wait given. */
    enum Exceeded implements ErrorClassification {

        RATE_LIMITED

    }

    private final int perRequest;

    private final KeyedRateLimit clients;

    CostBudget(int perRequest, int perMinute) {
        this.perRequest = perRequest;
        this.clients = KeyedRateLimit.perInstance(perMinute);
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        var cost = QueryTraverser.newQueryTraverser()
            .schema(execution.getGraphQLSchema())
            .document(execution.getDocument())
            .operationName(execution.getOperationDefinition().getName())
            .coercedVariables(execution.getCoercedVariables())
            .build()
            .reducePreOrder((field, sum) -> sum + weight(field), 0);
        if (cost == 0) {
            return SimpleInstrumentationContext.noOp();
        }
        if (cost > perRequest) {
            throw refusal("This request asks for " + cost + " units of search work; at most " + perRequest
                    + " are allowed in one request", Map.of("cost", cost, "limit", perRequest));
        }
        String client = execution.getGraphQLContext().get(ClientAddress.CONTEXT_KEY);
        if (client != null) {
            var wait = clients.take(client, cost);
            if (wait != null) {
                var seconds = Math.max(1, wait.toSeconds());
                throw refusal(
                        "Too much search work from this address in the last minute; try again in " + seconds + " s",
                        Map.of("retryable", true, "retryAfterSeconds", seconds));
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static int weight(QueryVisitorFieldEnvironment field) {
        GraphQLFieldDefinition definition = field.getFieldDefinition();
        var cost = definition.getAppliedDirective("cost");
        return cost == null ? 0 : cost.getArgument("weight").<Integer>getValue();
    }

    private static AbortExecutionException refusal(String message, Map<String, Object> details) {
        var error = GraphQLError.newError()
            .errorType(Exceeded.RATE_LIMITED)
            .message(message)
            .extensions(details)
            .build();
        return new AbortExecutionException(List.of(error));
    }

}
