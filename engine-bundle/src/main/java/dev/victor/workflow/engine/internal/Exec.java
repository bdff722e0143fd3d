package dev.victor.workflow.engine.internal;

import java.time.Duration;

/** Runs a node's body with the workflow's retries, and turns what it throws into a node failure. */
final class Exec {
    private Exec() {
    }

    static void runBody(Node node, Scope scope) throws NodeFailure {
        Run run = scope.run;
        int retriesLeft = node.retryable ? run.maxRetries : 0;
        while (true) {
            try {
                node.body.execute(scope);
                return;
            } catch (RunStop stop) {
                throw stop;
            } catch (Throwable thrown) {
                if (thrown instanceof VirtualMachineError error) {
                    throw outOfResources(node, error);
                }
                if (run.cancelled || thrown instanceof InterruptedException) {
                    if (thrown instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw RunStop.cancelled();
                }
                NodeFailure failure = thrown instanceof NodeFailure known ? known : wrap(node, thrown);
                if (retriesLeft <= 0 || !failure.retryable()) {
                    throw failure;
                }
                retriesLeft--;
                scope.retrying(node, failure.getMessage());
                run.checkStillRunning();
            }
        }
    }

    /**
     * The node ran out of memory or stack (a value too large or too deep): a failure that names
     * the node and the cause, never retried. What the node built is unreachable by now.
     */
    static NodeFailure outOfResources(Node node, VirtualMachineError error) {
        String why = error instanceof StackOverflowError ? "it nested too deeply (out of stack)"
                : error instanceof OutOfMemoryError ? "it ran out of memory" : "the JVM failed";
        return new NodeFailure(node.describe() + " failed: " + why + ": " + describe(error),
                error.getClass().getName(), error, false);
    }

    /** A node failure for an exception thrown by the node's own code or a service it called. */
    static NodeFailure wrap(Node node, Throwable thrown) {
        return new NodeFailure(node.describe() + " failed: " + describe(thrown), thrown.getClass().getName(), thrown,
                !(thrown instanceof Frozen.TooDeepException || thrown instanceof StateBudget.StateTooLargeException));
    }

    /** {@code IllegalStateException: the message}, or the class name when there is no message. */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        String type = thrown.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    /** {@code 60s}, {@code 1.5s}, {@code 250ms}. */
    static String human(Duration duration) {
        if (duration == null) {
            return "?";
        }
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        if (millis >= 1000) {
            return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
        }
        return millis + "ms";
    }
}
