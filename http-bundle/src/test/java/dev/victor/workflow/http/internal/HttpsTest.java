package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * https against an {@code HttpsServer} with a self-signed certificate made at test time by the
 * running JDK's {@code keytool}. The client trusts it only through the {@code ssl_context} option,
 * given in code.
 */
class HttpsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path keys;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    private TestServer https;
    private TestServer http;
    private RecordingFormat yaml;
    private DefaultWorkflowCompilerRegistry registry;
    private final List<HttpSource> sources = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = keys.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", store.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);
    }

    @BeforeEach
    void setUp() throws Exception {
        https = TestServer.https(serverContext);
        http = TestServer.http();
        yaml = RecordingFormat.yaml();
        registry = Registries.withFormats(yaml);
        sources.addAll(Registries.sources(registry, Map.of("allow_private_networks", true, "read_timeout", 5,
                "ssl_context", clientContext)));
        https.route("/flow.yaml", https.document("application/yaml", Documents.YAML, "\"v1\"", null));
        http.route("/flow.yaml", http.ok("application/yaml", Documents.YAML));
    }

    @AfterEach
    void tearDown() {
        sources.forEach(HttpSource::close);
        https.close();
        http.close();
    }

    @Test
    void anHttpsDocumentIsFetchedWithTheTrustedCertificate() {
        assertThat(registry.compile(https.url("/flow.yaml")).name()).isEqualTo("hello");
        assertThat(registry.compile(https.url("/flow.yaml")).name()).isEqualTo("hello");

        assertThat(https.requests).hasSize(2);
        assertThat(https.bodiesSent).hasValue(1);
        assertThat(yaml.parsed).hasSize(1);
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        DefaultWorkflowCompilerRegistry defaultTrust = Registries.withFormats(yaml);
        sources.add(Registries.source(defaultTrust,
                new HttpSource("https", HttpOptions.from(Map.of("allow_private_networks", true)))));

        assertThatThrownBy(() -> defaultTrust.compile(https.url("/flow.yaml")))
                .isInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessageStartingWith("Cannot fetch " + https.url("/flow.yaml") + ":");
        assertThat(yaml.parsed).isEmpty();
    }

    @Test
    void aRedirectFromHttpsToHttpIsRefused() {
        https.route("/down", TestServer.redirect(302, http.url("/flow.yaml")));

        assertThatThrownBy(() -> registry.compile(https.url("/down")))
                .isInstanceOf(WorkflowException.class)
                .isNotInstanceOf(WorkflowSourceUnavailableException.class)
                .hasMessage("Refused to fetch " + https.url("/down") + ": " + https.url("/down")
                        + " redirects from https to http (" + http.url("/flow.yaml") + ")");
        assertThat(http.requests).isEmpty();
    }

    @Test
    void aRedirectFromHttpToHttpsIsFollowed() {
        http.route("/up", TestServer.redirect(301, https.url("/flow.yaml")));

        assertThat(registry.compile(http.url("/up")).name()).isEqualTo("hello");
        assertThat(https.requests).extracting(TestServer.Seen::path).isEqualTo(List.of("/flow.yaml"));
    }
}
