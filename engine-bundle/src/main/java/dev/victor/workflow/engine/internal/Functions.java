package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.ExpressionEnvironment;
import dev.victor.workflow.expr.Placeholder;
import dev.victor.workflow.spi.ExpressionFunction;
import dev.victor.workflow.spi.NodeServices;

import java.util.Optional;

/**
 * The environment of one condition or transform evaluation: the run's function services, and
 * the first placeholder the evaluation read (a dry run routes such a condition by its own rule).
 */
final class Functions implements ExpressionEnvironment {
    private final NodeServices services;
    private Placeholder placeholder;

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

    /** The first placeholder read, or null. */
    Placeholder placeholder() {
        return placeholder;
    }
}
