package dev.victor.workflow.web.internal;

import dev.victor.workflow.api.RunEvent;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The web front, one servlet on the OSGi HTTP Whiteboard (registered by {@link WebComponent}):
 * the REST API under {@code /api} (see {@link Api}; server-sent events here) and the page's
 * static files at {@code /}. Every request passes the {@link AccessGuard} first; every error is an
 * {@code application/problem+json} document without a stack trace (those go to the OSGi log).
 */
final class WebServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final Map<String, String> PAGE = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css",
            "/api/openapi.json", "openapi.json");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** What a configuration builds; replaced as a whole when it changes. */
    record State(Settings settings, AccessGuard guard, Api api, Semaphore streams) {
    }

    private final transient Supplier<State> state;
    private final transient Consumer<Throwable> log;

    WebServlet(Supplier<State> state, Consumer<Throwable> log) {
        this.state = state;
        this.log = log;
    }

    // ---------------------------------------------------------------- requests

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        State current = state.get();
        String path = path(request);
        String method = request.getMethod();
        try {
            current.guard().check(new AccessGuard.Request(method, request.getLocalAddr(), request.getRemoteAddr(),
                    request.getHeader("Authorization"), request.getContentType(), request.getHeader("Origin"),
                    request.getHeader("Sec-Fetch-Site"), request.getScheme(), request.getHeader("Host")));
            if (PAGE.containsKey(path)) {
                allow(method, "GET");
                page(PAGE.get(path), response);
            } else if (path.startsWith("/api/")) {
                api(current, method, path, request, response);
            } else {
                throw ApiException.notFound("Nothing is served at " + path);
            }
        } catch (ApiException e) {
            closeIfBodyLeft(request, response);
            problem(response, e, path);
        } catch (RuntimeException e) {
            log.accept(e);
            closeIfBodyLeft(request, response);
            problem(response, new ApiException(500, "Internal error", "The request failed on an internal error;"
                    + " the runtime's log has the details"), path);
        }
    }

    private void api(State current, String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Api api = current.api();
        String[] parts = path.substring("/api/".length()).split("/", -1);
        Map<String, String> query = query(request);
        Api.Reply reply;
        switch (parts[0]) {
            case "health" -> reply = only(parts, 1, method, "GET", api::health);
            case "schemes" -> reply = only(parts, 1, method, "GET", api::schemes);
            case "validate" -> reply = only(parts, 1, method, "POST", () -> api.validate(body(request, current.settings())));
            case "graph" -> reply = only(parts, 1, method, "GET", () -> api.graph(query));
            case "threads" -> {
                if (parts.length == 1) {
                    reply = only(parts, 1, method, "GET", () -> api.threads(query));
                } else if (parts.length == 3 && parts[2].equals("resume")) {
                    reply = only(parts, 3, method, "POST", () -> api.resume(parts[1], body(request, current.settings())));
                } else {
                    throw ApiException.notFound("Nothing is served at " + path);
                }
            }
            case "runs" -> {
                if (parts.length == 1) {
                    reply = only(parts, 1, method, "POST", () -> api.startRun(body(request, current.settings()), query));
                } else if (parts.length == 2) {
                    reply = only(parts, 2, method, "GET", () -> api.run(parts[1]));
                } else if (parts.length == 3 && parts[2].equals("cancel")) {
                    reply = only(parts, 3, method, "POST", () -> {
                        body(request, current.settings());
                        return api.cancel(parts[1]);
                    });
                } else if (parts.length == 3 && parts[2].equals("events")) {
                    allow(method, "GET");
                    events(current, api.eventsOf(parts[1]), request, response);
                    return;
                } else {
                    throw ApiException.notFound("Nothing is served at " + path);
                }
            }
            default -> throw ApiException.notFound("Nothing is served at " + path);
        }
        send(response, reply);
    }

    private interface Route {
        Api.Reply call() throws IOException;
    }

    private static Api.Reply only(String[] parts, int length, String method, String allowed, Route route) throws IOException {
        if (parts.length != length) {
            throw ApiException.notFound("Nothing is served at /api/" + String.join("/", parts));
        }
        allow(method, allowed);
        return route.call();
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "Method not allowed", method + " is not allowed here; use " + allowed,
                    List.of(), Map.of("Allow", allowed));
        }
    }

    // ---------------------------------------------------------------- server-sent events

    private void events(State current, RunRecord record, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!current.streams().tryAcquire()) {
            throw ApiException.tooMany(current.settings().maxEventStreams() + " event streams are open already (max.event.streams)");
        }
        try {
            int index = 0;
            String last = request.getHeader("Last-Event-ID");
            if (last != null && last.strip().matches("[0-9]{1,9}")) {
                index = Integer.parseInt(last.strip()) + 1;
            }
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            PrintWriter out = response.getWriter();
            out.write(": events of thread " + record.threadId() + "\n\n");
            response.flushBuffer();
            Json json = current.api().json();
            while (true) {
                RunEvent event = record.awaitEvent(index, KEEP_ALIVE_MILLIS);
                if (event == null) {
                    out.write(": keep-alive\n\n");
                } else {
                    out.write("id: " + index + "\nevent: " + Documents.eventName(event) + "\ndata: "
                            + json.write(Documents.event(event, record.dryRun() == null ? null : record.dryRun().placeholders()))
                            + "\n\n");
                    index++;
                }
                response.flushBuffer();
                if (out.checkError()) {
                    return;
                }
                if (event != null && event.isTerminal()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            current.streams().release();
        }
    }

    // ---------------------------------------------------------------- bodies and responses

    /**
     * How much of a refused body is read and dropped before the 413 goes out, so that a client
     * still sending it reads the answer instead of a reset connection; past this the connection
     * is closed.
     */
    static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;

    private static byte[] body(HttpServletRequest request, Settings settings) throws IOException {
        long declared = request.getContentLengthLong();
        int max = settings.maxBodyBytes();
        try (InputStream in = request.getInputStream()) {
            if (declared > max) {
                drain(in);
                throw tooLarge(max);
            }
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                drain(in);
                throw tooLarge(max);
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "Payload too large", "The request body is larger than " + max
                + " bytes (max.body.bytes)");
    }

    private void page(String name, HttpServletResponse response) throws IOException {
        try (InputStream in = WebServlet.class.getResourceAsStream("/page/" + name)) {
            if (in == null) {
                throw ApiException.notFound("The page's file " + name + " is missing from the bundle");
            }
            byte[] bytes = in.readAllBytes();
            response.setStatus(200);
            response.setContentType(name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".css") ? "text/css" : "application/json");
            response.setCharacterEncoding("UTF-8");
            securityHeaders(response);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static void send(HttpServletResponse response, Api.Reply reply) throws IOException {
        response.setStatus(reply.status());
        response.setContentType(reply.contentType());
        response.setCharacterEncoding("UTF-8");
        reply.headers().forEach(response::setHeader);
        securityHeaders(response);
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * A refused request may leave its body unread (a guard refuses before reading it; a 413 reads
     * only so much): the answer then says {@code Connection: close}, so that no client sends its
     * next request on a connection the server is about to drop.
     */
    private static void closeIfBodyLeft(HttpServletRequest request, HttpServletResponse response) {
        if (!response.isCommitted() && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
            response.setHeader("Connection", "close");
        }
    }

    private void problem(HttpServletResponse response, ApiException e, String path) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "about:blank");
        doc.put("title", e.title());
        doc.put("status", e.status());
        doc.put("detail", e.getMessage());
        doc.put("instance", path);
        if (!e.problems().isEmpty()) {
            doc.put("problems", e.problems());
        }
        send(response, new Api.Reply(e.status(), "application/problem+json", state.get().api().json().write(doc), e.headers()));
    }

    private static void securityHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CSP);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            if (entry.getValue().length > 1) {
                throw ApiException.badRequest("'" + entry.getKey() + "' is given more than once");
            }
            query.put(entry.getKey(), entry.getValue()[0]);
        }
        for (String name : query.keySet()) {
            if (!Set.of("uri", "workflow", "format", "wait", "status").contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + name + "'");
            }
        }
        return query;
    }
}
