package dev.victor.workflow.agent.internal;

/**
 * The endpoint answered something this runtime cannot read (malformed JSON, a missing field, a
 * stream cut short), or an error event. Not retried. The message never quotes the request.
 */
final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }

    ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
