package dev.victor.workflow.tools.internal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.victor.workflow.tools.internal.FileToolsTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** web_fetch against a real loopback server: refused by default, fetched when private networks are allowed. */
class WebFetchToolTest {
    HttpServer server;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", exchange -> {
            byte[] body = "<h1>Hello</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/big", exchange -> {
            byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/page");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    WebFetchTool tool(boolean allowPrivate) {
        return new WebFetchTool(new NetworkPolicy(allowPrivate, InetAddress::getAllByName), Duration.ofSeconds(10), 1000);
    }

    @Test
    void privateAddressesAreRefusedByDefault() {
        assertThatThrownBy(() -> call(tool(false), Map.of("url", base + "/page")))
                .hasMessage("web_fetch: refused: '127.0.0.1' resolves to 127.0.0.1, a loopback address"
                        + "; to allow such addresses, set web.allow.private.networks = true in etc/dev.victor.workflow.tools.cfg");
        assertThatThrownBy(() -> call(tool(false), Map.of("url", "http://localhost:1/")))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> call(tool(false), Map.of("url", "http://[::ffff:10.0.0.1]/")))
                .hasMessageContaining("a private address");
        assertThatThrownBy(() -> call(tool(false), Map.of("url", "http://169.254.169.254/latest/meta-data")))
                .hasMessageContaining("a link-local address");
        assertThatThrownBy(() -> call(tool(false), Map.of("url", "file:///etc/passwd")))
                .hasMessageContaining("only http and https URLs");
        assertThatThrownBy(() -> call(tool(false), Map.of("url", "http://user:pw@example.org/")))
                .hasMessage("web_fetch: URLs with credentials are not fetched");
    }

    @Test
    void theClassifierKnowsTheSpecialRanges() throws Exception {
        assertThat(NetworkPolicy.restriction(InetAddress.getByName("100.64.1.1"))).startsWith("shared");
        assertThat(NetworkPolicy.restriction(InetAddress.getByName("192.168.1.1"))).isEqualTo("private");
        assertThat(NetworkPolicy.restriction(InetAddress.getByName("fd00::1"))).isEqualTo("unique-local");
        assertThat(NetworkPolicy.restriction(InetAddress.getByName("2002:7f00:1::"))).isEqualTo("loopback (embedded in IPv6)");
        assertThat(NetworkPolicy.restriction(InetAddress.getByName("93.184.216.34"))).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageIsFetchedFollowingRedirectsWithinItsLimits() throws Exception {
        Map<String, Object> page = (Map<String, Object>) call(tool(true), Map.of("url", base + "/moved"));
        Map<String, Object> big = (Map<String, Object>) call(tool(true), Map.of("url", base + "/big"));

        assertThat(page).containsEntry("url", base + "/page").containsEntry("status", 200)
                .containsEntry("body", "<h1>Hello</h1>").containsEntry("truncated", false);
        assertThat(big).containsEntry("truncated", true).containsEntry("note", "body cut at 1000 bytes (web.max.bytes)");
        assertThat((String) big.get("body")).hasSize(1000);
        assertThatThrownBy(() -> call(tool(true), Map.of("url", base + "/loop")))
                .hasMessage("web_fetch: more than 5 redirects");
    }
}
