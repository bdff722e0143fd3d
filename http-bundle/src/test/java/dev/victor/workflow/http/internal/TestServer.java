package dev.victor.workflow.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP(S) server on a loopback address, inside the test: routes by exact path, records
 * every request (path and headers), and counts the bodies it sent. Handlers that stall wait at
 * most {@link #MAX_STALL_SECONDS} and are released when the server closes.
 */
final class TestServer implements AutoCloseable {

    static final int MAX_STALL_SECONDS = 10;

    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** One request as the server saw it. */
    record Seen(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger bodiesSent = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    private TestServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "test-http-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    static TestServer http() throws IOException {
        return http("127.0.0.1");
    }

    static TestServer http(String loopbackAddress) throws IOException {
        return new TestServer(HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 16),
                "http");
    }

    static TestServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestServer(server, "https");
    }

    TestServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** {@code http://127.0.0.1:port/path} */
    String url(String path) {
        return scheme + "://" + authority() + path;
    }

    /** {@code 127.0.0.1:port}: what the registry hands the source before the path. */
    String authority() {
        InetSocketAddress address = server.getAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Seen> requestsTo(String path) {
        return requests.stream().filter(seen -> seen.path().equals(path)).toList();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Seen(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders())));
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            route.handle(exchange);
        }
    }

    // ------------------------------------------------------------ responses

    /** A 200 with a body of fixed length and the given Content-Type ({@code null}: none). */
    Route ok(String contentType, String body) {
        return exchange -> send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * A document with validators: a request whose If-None-Match equals {@code etag} (or whose
     * If-Modified-Since equals {@code lastModified}) gets a bodiless 304, any other a 200.
     */
    Route document(String contentType, String body, String etag, String lastModified) {
        return exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            Map<String, String> validators = new java.util.LinkedHashMap<>();
            if (etag != null) {
                validators.put("ETag", etag);
            }
            if (lastModified != null) {
                validators.put("Last-Modified", lastModified);
            }
            if ((etag != null && etag.equals(ifNoneMatch))
                    || (etag == null && lastModified != null && lastModified.equals(ifModifiedSince))) {
                validators.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8), validators);
        };
    }

    static Route status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    static Route redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** Sends a whole response and counts it as a body sent. */
    void send(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        bodiesSent.incrementAndGet();
    }

    /** Waits until the server closes, at most {@link #MAX_STALL_SECONDS}. */
    void stall() {
        try {
            release.await(MAX_STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
