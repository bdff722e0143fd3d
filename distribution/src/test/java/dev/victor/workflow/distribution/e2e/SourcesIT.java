package dev.victor.workflow.distribution.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.victor.workflow.distribution.e2e.Victor.Run;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The s3 and mongodb sources in the assembled distribution, against a real S3 server (S3Proxy)
 * and a real MongoDB wire-protocol server (mongo-java-server) on loopback, configured through
 * etc/ as an operator would: workflow:schemes lists them, workflow:run compiles and runs
 * s3:// and mongodb:// workflows, workflow:mongo-put and workflow:mongo-list work, and the s3
 * bundle dropped into deploy/ serves the next command and leaves with its file. A copy of the
 * distribution is used, so that the other tests never see these settings.
 */
class SourcesIT {

    private static final String ACCESS_KEY = "victor-it";
    private static final String SECRET_KEY = "victor-it-secret-never-printed";
    private static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: greeting = "hello " + ctx.get("name", "world")
                    next: []
            """;

    @TempDir
    static Path dir;
    private static Path home;
    private static Path victor;
    private static S3Proxy s3;
    private static S3Client admin;
    private static MongoServer mongo;

    @BeforeAll
    static void start() throws Exception {
        home = dir.resolve("victor");
        copy(Victor.home(), home);
        victor = home.resolve("bin/victor");

        s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + s3.getPort());
        admin = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        admin.createBucket(b -> b.bucket("flows"));
        admin.putObject(b -> b.bucket("flows").key("team/hello.yaml").contentType("application/yaml"),
                RequestBody.fromString(YAML));

        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        String connection = mongo.bindAndGetConnectionString();

        Files.writeString(home.resolve("etc/dev.victor.workflow.s3.cfg"), "endpoint = " + endpoint + "\n"
                + "path.style = true\naccess.key = " + ACCESS_KEY + "\n.secret.key = " + SECRET_KEY + "\n");
        Files.writeString(home.resolve("etc/dev.victor.workflow.mongodb.datasource-default.cfg"),
                "name = default\nconnection = " + connection + "\ndatabase = victor\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static Run run(String... arguments) {
        Run run = Victor.run(dir, null, victor, arguments);
        assertThat(run.out() + run.err()).as("the secret key is never printed").doesNotContain(SECRET_KEY);
        return run;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Run run) {
        return (Map<String, Object>) run.json().get("state");
    }

    @Test
    void schemesListsBothSources() {
        Run schemes = run("workflow:schemes");

        assertThat(schemes.status()).as(schemes.toString()).isZero();
        assertThat(schemes.out()).contains("s3", "yaml+s3", "json+s3", "mongodb", "yaml+mongodb");
        assertThat(schemes.err()).as(schemes.toString()).isEmpty();
    }

    @Test
    void anS3WorkflowRuns() {
        Run run = run("workflow:run", "--json", "s3://flows/team/hello.yaml", "{\"name\": \"Ada\"}");

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(state(run)).containsEntry("greeting", "hello Ada");
        assertThat(run.err()).as(run.toString()).isEmpty();

        Run missing = run("workflow:run", "s3://flows/team/none.yaml");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.out() + missing.err()).contains("No object 'team/none.yaml' in bucket 'flows'");
    }

    @Test
    void aWorkflowStoredWithMongoPutRunsAndItsNewVersionToo() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.yaml"), YAML);

        Run put = run("workflow:mongo-put", "hello", file.toString());
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(put.out()).contains("Stored 'hello' version 1 (yaml", "compile it as mongodb://hello");
        Run first = run("workflow:run", "--json", "mongodb://hello", "{\"name\": \"Ada\"}");
        assertThat(first.status()).as(first.toString()).isZero();
        assertThat(state(first)).containsEntry("greeting", "hello Ada");

        Files.writeString(file, YAML.replace("hello ", "hi "));
        assertThat(run("workflow:mongo-put", "hello", file.toString()).out()).contains("version 2");
        Run second = run("workflow:run", "--json", "mongodb://default/hello", "{\"name\": \"Ada\"}");
        assertThat(state(second)).containsEntry("greeting", "hi Ada");

        Run list = run("workflow:mongo-list");
        assertThat(list.status()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("(?m)^hello +2 +yaml ");
    }

    @Test
    void theS3BundleDroppedIntoDeployServesAndLeaves() throws IOException {
        Path installed;
        try (Stream<Path> bundles = Files.list(home.resolve("bundle"))) {
            installed = bundles.filter(p -> p.getFileName().toString().startsWith("s3-bundle-")).findFirst().orElseThrow();
        }
        Path aside = dir.resolve(installed.getFileName());
        Files.move(installed, aside);
        Path deployed = home.resolve("deploy").resolve(installed.getFileName());
        try {
            Run before = run("workflow:run", "s3://flows/team/hello.yaml");
            assertThat(before.status()).as(before.toString()).isEqualTo(1);
            assertThat(before.out()).contains("Unknown workflow scheme 's3'");

            Files.copy(aside, deployed);
            Run after = run("workflow:run", "--json", "s3://flows/team/hello.yaml", "{\"name\": \"Bob\"}");
            assertThat(after.status()).as(after.toString()).isZero();
            assertThat(state(after)).containsEntry("greeting", "hello Bob");

            Files.delete(deployed);
            assertThat(run("workflow:schemes").out()).doesNotContain("s3");
        } finally {
            Files.deleteIfExists(deployed);
            Files.move(aside, installed);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        assertThat(List.of(to.resolve("bin/victor"))).allMatch(Files::isExecutable);
    }
}
