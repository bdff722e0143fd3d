package dev.victor.workflow.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that answers chat requests from a script of recorded answers, in
 * order, and keeps every request it received.
 */
final class LlmServer implements AutoCloseable {

    /**
     * One recorded answer. {@code hang} keeps the exchange open until the server closes. {@code chunks}, when
     * not empty, are sent one by one with chunked transfer encoding, each flushed at once; the server waits
     * for {@code gate} (when given) after the first chunk. {@code endless} repeats {@code body} as chunks
     * until the client goes away.
     */
    record Answer(int status, String contentType, String body, Map<String, String> headers, boolean hang,
                  List<String> chunks, CountDownLatch gate, boolean endless) {
        Answer(int status, String contentType, String body, Map<String, String> headers, boolean hang) {
            this(status, contentType, body, headers, hang, List.of(), null, false);
        }

        static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of(), false);
        }

        static Answer events(String body) {
            return new Answer(200, "text/event-stream", body, Map.of(), false);
        }

        /** Server-sent events in chunks, flushed one by one; after the first, waits for the gate (if any). */
        static Answer chunkedEvents(List<String> chunks, CountDownLatch gate) {
            return new Answer(200, "text/event-stream", "", Map.of(), false, List.copyOf(chunks), gate, false);
        }

        /** The same chunk again and again, until the client stops reading. */
        static Answer endless(int status, String contentType, String chunk) {
            return new Answer(status, contentType, chunk, Map.of(), false, List.of(), null, true);
        }

        static Answer status(int status, String body, Map<String, String> headers) {
            return new Answer(status, "application/json", body, headers, false);
        }

        static Answer hanging() {
            return new Answer(200, "application/json", "", Map.of(), true);
        }
    }

    /** One request as received. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    LlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, with its version path as a real API has it. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    synchronized LlmServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized int remaining() {
        return script.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Answer answer;
        synchronized (this) {
            JsonNode body;
            try {
                body = Json.parse(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                body = null;
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            answer = script.poll();
        }
        if (answer == null) {
            answer = Answer.status(599, "{\"error\": {\"message\": \"the script has no more answers\"}}", Map.of());
        }
        if (answer.hang()) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (answer.endless() || !answer.chunks().isEmpty()) {
            sendChunked(exchange, answer);
            return;
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private void sendChunked(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), 0);
        try (OutputStream stream = exchange.getResponseBody()) {
            if (answer.endless()) {
                byte[] chunk = answer.body().getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 1_000_000 && closing.getCount() > 0; i++) {
                    stream.write(chunk);
                    stream.flush();
                }
                return;
            }
            for (int i = 0; i < answer.chunks().size(); i++) {
                stream.write(answer.chunks().get(i).getBytes(StandardCharsets.UTF_8));
                stream.flush();
                if (i == 0 && answer.gate() != null) {
                    try {
                        answer.gate().await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } catch (IOException clientWentAway) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
