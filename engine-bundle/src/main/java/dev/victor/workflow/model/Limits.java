package dev.victor.workflow.model;

import dev.victor.workflow.api.IterationCounting;

import java.time.Duration;

/**
 * A workflow's run limits as written; {@code null} means "not set" (the deployment's default applies).
 *
 * @param maxIterations      node executions per run
 * @param timeout            the whole run
 * @param defaultNodeTimeout each node that sets no timeout of its own
 * @param maxRetries         retries of a failing node
 * @param iterationCounting  what {@code max_iterations} counts ({@code iteration_counting})
 */
public record Limits(Integer maxIterations, Duration timeout, Duration defaultNodeTimeout, Integer maxRetries,
                     IterationCounting iterationCounting) {
    public static final Limits NONE = new Limits(null, null, null, null, null);

    /** Limits that leave the iteration counting to the caller and the default. */
    public Limits(Integer maxIterations, Duration timeout, Duration defaultNodeTimeout, Integer maxRetries) {
        this(maxIterations, timeout, defaultNodeTimeout, maxRetries, null);
    }

    /** The iteration budget when neither the workflow nor the deployment sets one. */
    public static final int DEFAULT_MAX_ITERATIONS = 25;
}
