package id.kriyanusa.platform.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds what one request may ask for, so a single query cannot exhaust the server:
 * nesting depth, an estimated cost where list fields multiply by their page size, the
 * number of aliased fields (aliases let a client repeat an expensive field many times in
 * one request), and the search work of `@cost` fields per request and per client address
 * and minute ({@link CostBudget}).
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    @ConfigurationProperties("kriyanusa.graphql.limits")
    record Settings(Integer maxDepth, Integer maxComplexity, Integer maxAliases, Integer maxCost,
            Integer costPerMinute) {
        Settings {
            maxDepth = maxDepth == null ? 12 : maxDepth;
            maxComplexity = maxComplexity == null ? 5000 : maxComplexity;
            maxAliases = maxAliases == null ? 30 : maxAliases;
            maxCost = maxCost == null ? 100 : maxCost;
            costPerMinute = costPerMinute == null ? 3000 : costPerMinute;
        }
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(Settings settings) {
        return new MaxQueryDepthInstrumentation(settings.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(Settings settings) {
        return new MaxQueryComplexityInstrumentation(settings.maxComplexity(), pageSizeWeighted());
    }

    @Bean
    CostBudget costBudget(Settings settings) {
        return new CostBudget(settings.maxCost(), settings.costPerMinute());
    }

    @Bean
    AliasLimit aliasLimit(Settings settings) {
        return new AliasLimit(settings.maxAliases());
    }

    /**
     * A field costs 1 plus its children; a paged field multiplies its children by the
     * page size asked for.
     */
    private static FieldComplexityCalculator pageSizeWeighted() {
        return (environment, childComplexity) -> {
            var first = environment.getArguments().get("first");
            var pageSize = first instanceof Integer size ? Math.max(1, Math.min(size, OffsetPage.MAX_PAGE_SIZE)) : 1;
            return 1 + childComplexity * pageSize;
        };
    }

    static final class AliasLimit extends SimplePerformantInstrumentation {

        private final int maxAliases;

        AliasLimit(int maxAliases) {
            this.maxAliases = maxAliases;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            var aliases = new AtomicInteger();
            // pre-order visits each field once; depth-first visits it on the way in and
            // out
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                    if (field.getAlias() != null) {
                        aliases.incrementAndGet();
                    }
                    return TraversalControl.CONTINUE;
                }
            }, parameters.getDocument().getDefinitions());
            if (aliases.get() > maxAliases) {
                throw new AbortExecutionException(
                        "Query uses " + aliases.get() + " aliases; at most " + maxAliases + " are allowed");
            }
            return SimpleInstrumentationContext.noOp();
        }

    }

}
