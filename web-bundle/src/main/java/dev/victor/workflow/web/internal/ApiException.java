package dev.victor.workflow.web.internal;

import java.util.List;
import java.util.Map;

/**
 * A request the API answers with an error: an HTTP status and an RFC 9457 problem document
 * ({@code application/problem+json}) with a title, the detail (the same message a command
 * prints) and, for a workflow that does not compile, its problems.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<Map<String, Object>> problems;
    private final transient Map<String, String> headers;

    ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    ApiException(int status, String title, String detail, List<Map<String, Object>> problems, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    static ApiException tooMany(String detail) {
        return new ApiException(429, "Too many requests", detail, List.of(), Map.of("Retry-After", "1"));
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<Map<String, Object>> problems() {
        return problems;
    }

    Map<String, String> headers() {
        return headers;
    }
}
