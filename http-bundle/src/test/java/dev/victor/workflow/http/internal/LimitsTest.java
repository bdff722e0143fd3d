package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timeouts and the body size limit. Every stalled handler is released when the server closes. */
class LimitsTest {

    private static final int LIMIT = 1000;

    private TestServer server;
    private RecordingFormat yaml;
    private DefaultWorkflowCompilerRegistry registry;
    private List<HttpSource> sources;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.http();
        yaml = RecordingFormat.yaml();
        registry = Registries.withFormats(yaml);
        sources = Registries.sources(registry, Map.of("allow_private_networks", true, "connect_timeout", 1,
                "read_timeout", 0.5, "max_body_bytes", LIMIT));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        server.close();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.route("/silent", exchange -> server.stall());
        long start = System.nanoTime();

        assertThatThrownBy(() -> registry.compile(server.url("/silent")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/silent") + ": no response from " + server.url("/silent")
                        + " within 0.5 s (read_timeout)");
        assertThat(elapsedMillis(start)).isLessThan(4000);
    }

    @Test
    void aBodyThatStopsHalfWayTimesOut() {
        server.route("/stuck", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/yaml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("workflows:\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.stall();
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> registry.compile(server.url("/stuck")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining(server.url("/stuck"))
                .hasMessageContaining("the body was not received within 0.5 s (read_timeout)");
        assertThat(elapsedMillis(start)).isLessThan(4000);
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void aBodyThatTricklesForeverTimesOut() {
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long until = System.nanoTime() + TestServer.MAX_STALL_SECONDS * 1_000_000_000L;
            try {
                while (System.nanoTime() < until) {
                    out.write('#');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away: done
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> registry.compile(server.url("/trickle")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageContaining("within 0.5 s (read_timeout)");
        assertThat(elapsedMillis(start)).isLessThan(4000);
    }

    @Test
    void aBodyOverTheLimitWithContentLengthIsRefusedBeforeReading() {
        server.route("/big", server.ok("application/yaml", "#".repeat(LIMIT + 1)));

        assertThatThrownBy(() -> registry.compile(server.url("/big")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/big") + ": the body (" + (LIMIT + 1) + " bytes by its"
                        + " Content-Length) is larger than the limit of " + LIMIT + " bytes (max_body_bytes)");
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void aBodyOverTheLimitWithoutContentLengthIsCountedWhileReading() {
        AtomicLong written = new AtomicLong();
        server.route("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);   // chunked: no Content-Length
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = new byte[512];
            Arrays.fill(chunk, (byte) '#');
            long until = System.nanoTime() + TestServer.MAX_STALL_SECONDS * 1_000_000_000L;
            try {
                for (int i = 0; i < 200_000 && System.nanoTime() < until; i++) {   // at most about 100 MB
                    out.write(chunk);
                    out.flush();
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client stopped reading: expected
            }
        });

        assertThatThrownBy(() -> registry.compile(server.url("/endless")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Cannot fetch " + server.url("/endless") + ": the body is larger than the limit of "
                        + LIMIT + " bytes (max_body_bytes)");
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void aBodyEndedByClosingTheConnectionIsCountedToo() throws Exception {
        // No Content-Length and no chunking: the body runs until the server closes. A raw socket
        // server, because the JDK's HttpServer always frames its bodies.
        try (ServerSocket raw = new ServerSocket(0, 4, InetAddress.getByName("127.0.0.1"))) {
            Thread thread = new Thread(() -> {
                try (Socket socket = raw.accept()) {
                    socket.setSoTimeout(5000);
                    InputStream in = socket.getInputStream();
                    byte[] request = new byte[4096];
                    in.read(request);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/yaml\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[512];
                    Arrays.fill(chunk, (byte) '#');
                    long until = System.nanoTime() + TestServer.MAX_STALL_SECONDS * 1_000_000_000L;
                    for (int i = 0; i < 200_000 && System.nanoTime() < until; i++) {
                        out.write(chunk);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the client stopped reading: expected
                }
            }, "raw-http-server");
            thread.setDaemon(true);
            thread.start();
            String url = "http://127.0.0.1:" + raw.getLocalPort() + "/raw.yaml";

            assertThatThrownBy(() -> registry.compile(url))
                    .isInstanceOf(WorkflowSourceUnavailableException.class)
                    .hasMessage("Cannot fetch " + url + ": the body is larger than the limit of " + LIMIT
                            + " bytes (max_body_bytes)");
            thread.join(TestServer.MAX_STALL_SECONDS * 1000L);
        }
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        String body = Documents.YAML + "#".repeat(LIMIT - Documents.YAML.length());
        assertThat(body).hasSize(LIMIT);
        server.route("/exact", server.ok("application/yaml", body));
        server.route("/exact-chunked", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/yaml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThat(registry.compile(server.url("/exact")).name()).isEqualTo("hello");
        assertThat(registry.compile(server.url("/exact-chunked")).name()).isEqualTo("hello");
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
