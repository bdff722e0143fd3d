package dev.victor.workflow.api;

import java.util.Objects;

/**
 * Why a run did not complete.
 *
 * @param nodeId  the node that failed, or {@code null} when the failure is not a node's
 * @param message a message that names what failed and why
 * @param type    the kind of failure, such as the exception's class name or {@code "limit"}
 * @param cause   the exception behind it, or {@code null}
 */
public record RunError(String nodeId, String message, String type, Throwable cause) {
    public RunError {
        Objects.requireNonNull(message, "message");
    }

    public static RunError of(String nodeId, String message) {
        return new RunError(nodeId, message, null, null);
    }
}
