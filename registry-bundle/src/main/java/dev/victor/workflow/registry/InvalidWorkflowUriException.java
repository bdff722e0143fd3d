package dev.victor.workflow.registry;

import dev.victor.workflow.api.WorkflowException;

import java.util.List;

/** A workflow URI whose scheme is not a valid RFC 3986 scheme ({@code my_scheme://}, {@code 1abc://}, {@code ://x}). */
public final class InvalidWorkflowUriException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String uri;
    private final String scheme;

    public InvalidWorkflowUriException(String uri, String scheme, String message) {
        super(message, List.of());
        this.uri = uri;
        this.scheme = scheme;
    }

    /** The URI as given. */
    public String uri() {
        return uri;
    }

    /** The text before {@code ://} that is not a valid scheme (empty when there was none). */
    public String scheme() {
        return scheme;
    }
}
