package dev.victor.workflow.agent.internal;

/** A model call that failed for good; the message names the endpoint and never holds a key or a prompt. */
final class LlmException extends Exception {
    private static final long serialVersionUID = 1L;

    LlmException(String message) {
        super(message);
    }

    LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
