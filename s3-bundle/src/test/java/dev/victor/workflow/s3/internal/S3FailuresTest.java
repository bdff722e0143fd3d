package dev.victor.workflow.s3.internal;

import com.sun.net.httpserver.HttpServer;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each failure gets its own message: refused credentials and denied access (against S3Proxy
 * checking signatures), a timeout (a loopback server that accepts and never answers), throttling
 * (a loopback server answering 503 SlowDown as S3 does), an endpoint nobody listens on. No message
 * holds the secret key.
 */
class S3FailuresTest {

    private static TestS3Server server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestS3Server();
        server.bucket("flows");
        server.put("flows", "a.yaml", "workflows: {}\n", "application/yaml");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void wrongSecretIsRefusedCredentialsWithoutTheSecret() {
        String wrong = "wrong-secret-never-shown";
        S3Settings settings = S3Settings.forEndpoint(server.endpoint(), "us-east-1", TestS3Server.ACCESS_KEY, wrong);
        try (S3WorkflowSource source = new S3WorkflowSource(settings)) {
            for (Runnable call : new Runnable[] {() -> source.read("flows/a.yaml"), () -> source.list("flows/")}) {
                assertThatThrownBy(call::run).isExactlyInstanceOf(WorkflowException.class)
                        .hasMessageContaining("refused the credentials (access key " + TestS3Server.ACCESS_KEY)
                        .hasMessageContaining("s3://flows/")
                        .satisfies(e -> assertThat(chain(e)).doesNotContain(wrong));
            }
            // a HEAD answer carries no error code: the status says access was denied
            assertThatThrownBy(() -> source.fingerprint("flows/a.yaml")).isExactlyInstanceOf(WorkflowException.class)
                    .hasMessageContaining("Access denied to s3://flows/a.yaml")
                    .satisfies(e -> assertThat(chain(e)).doesNotContain(wrong));
        }
    }

    @Test
    void unsignedRequestsAreDeniedAccess() {
        S3Settings anonymous = new S3Settings("us-east-1", server.endpoint(), true, "", "", "", false, true,
                Duration.ofSeconds(5), Duration.ofSeconds(30), 1, 1000, 10);
        try (S3WorkflowSource source = new S3WorkflowSource(anonymous)) {
            assertThatThrownBy(() -> source.read("flows/a.yaml")).isExactlyInstanceOf(WorkflowException.class)
                    .hasMessageContaining("Access denied to s3://flows/a.yaml when asked to read it")
                    .hasMessageContaining("anonymous");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            S3Settings settings = S3Settings.forEndpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    "us-east-1", "key", "secret-never-shown").withTimeouts(Duration.ofSeconds(2),
                    Duration.ofMillis(300), 1);
            try (S3WorkflowSource source = new S3WorkflowSource(settings)) {
                for (Runnable call : new Runnable[] {() -> source.read("flows/a.yaml"),
                        () -> source.fingerprint("flows/a.yaml")}) {
                    assertThatThrownBy(call::run).isInstanceOf(WorkflowSourceUnavailableException.class)
                            .hasMessageContaining("Timed out trying to")
                            .hasMessageContaining("s3://flows/a.yaml")
                            .hasMessageContaining("read timeout 0.3 s");
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void throttlingIsRetriedThenReportedAsSuch() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                    + "<Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(503, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        });
        slow.start();
        try {
            S3Settings settings = S3Settings.forEndpoint(URI.create("http://127.0.0.1:" + slow.getAddress().getPort()),
                    "us-east-1", "key", "secret-never-shown").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
            try (S3WorkflowSource source = new S3WorkflowSource(settings)) {
                assertThatThrownBy(() -> source.read("flows/a.yaml"))
                        .isInstanceOf(WorkflowSourceUnavailableException.class)
                        .hasMessageContaining("throttled the requests to read s3://flows/a.yaml (SlowDown, 2 attempts");
                assertThat(requests.get()).isEqualTo(2);
                assertThatThrownBy(() -> source.fingerprint("flows/a.yaml"))
                        .isInstanceOf(WorkflowSourceUnavailableException.class)
                        .hasMessageContaining("throttled the requests to check s3://flows/a.yaml");
            }
        } finally {
            slow.stop(0);
        }
    }

    @Test
    void anEndpointNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        S3Settings settings = S3Settings.forEndpoint(URI.create("http://127.0.0.1:" + port), "us-east-1", "key",
                "secret-never-shown").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), 1);
        try (S3WorkflowSource source = new S3WorkflowSource(settings)) {
            assertThatThrownBy(() -> source.read("flows/a.yaml")).isInstanceOf(WorkflowSourceUnavailableException.class)
                    .hasMessageContaining("Cannot reach the S3 store to read s3://flows/a.yaml")
                    .hasMessageContaining("http://127.0.0.1:" + port);
        }
    }

    @Test
    void withoutCredentialsAnywhereTheMessageSaysWhereToPutThem() {
        Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")), "no AWS credentials on this machine");
        // the default chain without the instance profile: nothing here asks the network for credentials
        S3Settings chain = S3Settings.forEndpoint(server.endpoint(), "us-east-1", "", "");
        try (S3WorkflowSource source = new S3WorkflowSource(chain)) {
            assertThatThrownBy(() -> source.read("flows/a.yaml")).isExactlyInstanceOf(WorkflowException.class)
                    .hasMessageContaining("No S3 credentials to read s3://flows/a.yaml: set 'access.key' and '.secret.key'");
        }
    }

    @Test
    void notFoundIsNotUnavailable() {
        try (S3WorkflowSource source = new S3WorkflowSource(server.settings())) {
            assertThatThrownBy(() -> source.read("flows/none.yaml")).isInstanceOf(WorkflowSourceNotFoundException.class)
                    .isNotInstanceOf(WorkflowSourceUnavailableException.class);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
