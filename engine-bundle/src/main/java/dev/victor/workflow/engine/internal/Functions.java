package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.ExpressionEnvironment;
import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.spi.ExpressionFunction;
import dev.victor.workflow.spi.NodeServices;

import java.util.Optional;

/**
 * The environment of one condition or transform evaluation: the run's function services, and
 * what the evaluation read that a dry run cannot know (a placeholder, a state key nothing has
 * written); a dry run routes such a condition by its own rule.
 */
final class Functions implements ExpressionEnvironment {
    private final NodeServices services;
    private Placeholder placeholder;
    private String missing;

    Functions(NodeServices services) {
        this.services = services;
    }

    @Override
    public Optional<ExpressionFunction> function(String name) {
        return services.function(name);
    }

    @Override
    public void placeholderRead(Placeholder read) {
        if (placeholder == null) {
            placeholder = read;
        }
    }

    @Override
    public void missingNameRead(String name) {
        if (missing == null) {
            missing = name;
        }
    }

    /**
     * What a dry run cannot know: the first placeholder read, else a placeholder for the first
     * state key read that nothing has written; null when the evaluation read neither.
     */
    Placeholder unknown() {
        return placeholder != null ? placeholder
                : missing != null ? Placeholder.of("state key '" + missing + "', which nothing has written") : null;
    }
}
