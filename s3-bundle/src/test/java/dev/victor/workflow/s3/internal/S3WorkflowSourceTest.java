package dev.victor.workflow.s3.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.source.ReferenceResolver;
import dev.victor.workflow.source.SourceDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3WorkflowSourceTest {

    private static final String FLOW = "workflows:\n  hello:\n    nodes:\n      - id: a\n        type: transform\n"
            + "        transform: x = 1\n        next: []\n";

    private static TestS3Server server;
    private static S3WorkflowSource source;

    @BeforeAll
    static void start() throws Exception {
        server = new TestS3Server();
        server.bucket("flows");
        source = new S3WorkflowSource(server.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        source.close();
        server.close();
    }

    @Test
    void readsAnObjectAsAnUntrustedDocument() {
        server.put("flows", "team/hello.yaml", FLOW, "application/yaml");

        SourceDocument document = source.read("flows/team/hello.yaml");

        assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(FLOW);
        assertThat(document.name()).isEqualTo("s3://flows/team/hello.yaml");
        assertThat(document.extension()).isEqualTo("yaml");
        assertThat(document.baseMediaType()).isEqualTo("application/yaml");
        assertThat(document.trusted()).isFalse();
        assertThat(document.references()).isSameAs(ReferenceResolver.NONE);
        assertThat(document.fingerprint()).startsWith("etag:").isEqualTo(source.fingerprint("flows/team/hello.yaml"));
    }

    @Test
    void genericContentTypeLeavesTheChoiceToTheExtension() {
        server.put("flows", "plain.json", "{}".getBytes(StandardCharsets.UTF_8));
        server.put("flows", "typed.txt", "{}", "application/json; charset=utf-8");

        assertThat(source.read("flows/plain.json").mediaType()).isNull();
        assertThat(source.read("flows/typed.txt").baseMediaType()).isEqualTo("application/json");
    }

    @Test
    void fingerprintChangesWithTheContentOnly() {
        server.put("flows", "changing.yaml", FLOW, "application/yaml");
        String first = source.fingerprint("flows/changing.yaml");
        assertThat(source.fingerprint("flows/changing.yaml")).isEqualTo(first);

        server.put("flows", "changing.yaml", FLOW.replace("x = 1", "x = 2"), "application/yaml");

        String second = source.fingerprint("flows/changing.yaml");
        assertThat(second).isNotEqualTo(first);
        assertThat(source.read("flows/changing.yaml").fingerprint()).isEqualTo(second);
    }

    @Test
    void versionedBucketFingerprintsCarryTheVersion() {
        server.bucket("versioned");
        server.versioned("versioned");
        server.put("versioned", "a.yaml", FLOW, "application/yaml");
        String first = source.fingerprint("versioned/a.yaml");
        server.put("versioned", "a.yaml", FLOW, "application/yaml");   // same bytes, a new version

        String second = source.fingerprint("versioned/a.yaml");

        assertThat(first).contains(";version:");
        assertThat(second).contains(";version:").isNotEqualTo(first);
        assertThat(source.read("versioned/a.yaml").fingerprint()).isEqualTo(second);
    }

    @Test
    void missingKeyNamesBucketKeyAndRegion() {
        for (Runnable call : new Runnable[] {() -> source.read("flows/missing.yaml"),
                () -> source.fingerprint("flows/missing.yaml")}) {
            assertThatThrownBy(call::run).isInstanceOf(WorkflowSourceNotFoundException.class)
                    .hasMessageContaining("No object 'missing.yaml' in bucket 'flows'")
                    .hasMessageContaining("region us-east-1")
                    .hasMessageContaining(server.endpoint().toString());
        }
    }

    @Test
    void missingBucketIsNamedAsSuch() {
        for (Runnable call : new Runnable[] {() -> source.read("nobucket/a.yaml"),
                () -> source.fingerprint("nobucket/a.yaml"), () -> source.list("nobucket/")}) {
            assertThatThrownBy(call::run).isInstanceOf(WorkflowSourceNotFoundException.class)
                    .hasMessageContaining("No bucket 'nobucket'")
                    .hasMessageContaining("region us-east-1");
        }
    }

    @Test
    void listsObjectsUnderAPrefixWithoutFolderMarkers() {
        server.bucket("listed");
        server.put("listed", "team/b.yaml", FLOW, "application/yaml");
        server.put("listed", "team/a.json", "{}", "application/json");
        server.put("listed", "team/sub/", new byte[0]);
        server.put("listed", "team/sub/c.yaml", FLOW, "application/yaml");
        server.put("listed", "other/d.yaml", FLOW, "application/yaml");

        assertThat(source.list("listed/team/")).containsExactly("listed/team/a.json", "listed/team/b.yaml",
                "listed/team/sub/c.yaml");
        assertThat(source.list("listed/team")).containsExactly("listed/team/a.json", "listed/team/b.yaml",
                "listed/team/sub/c.yaml");
        assertThat(source.list("listed")).hasSize(4);
        assertThat(source.list("listed/nothing/")).isEmpty();
    }

    @Test
    void listingLimitIsNamedAndEnforced() {
        server.bucket("many");
        for (int i = 0; i < 4; i++) {
            server.put("many", "p/" + i + ".yaml", FLOW, "application/yaml");
        }
        try (S3WorkflowSource limited = new S3WorkflowSource(server.settings().withLimits(1024, 3))) {
            assertThatThrownBy(() -> limited.list("many/p/")).isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("More than 3 objects under s3://many/p/")
                    .hasMessageContaining("max.listed");
        }
        try (S3WorkflowSource enough = new S3WorkflowSource(server.settings().withLimits(1024, 4))) {
            assertThat(enough.list("many/p/")).hasSize(4);
        }
    }

    @Test
    void sizeLimitIsNamedAndEnforced() {
        server.put("flows", "big.yaml", "x".repeat(101), "application/yaml");
        server.put("flows", "fits.yaml", "x".repeat(100), "application/yaml");
        try (S3WorkflowSource limited = new S3WorkflowSource(server.settings().withLimits(100, 10))) {
            assertThatThrownBy(() -> limited.read("flows/big.yaml")).isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("s3://flows/big.yaml is 101 bytes")
                    .hasMessageContaining("limit of 100 bytes ('max.bytes')");
            assertThat(limited.read("flows/fits.yaml").content()).hasSize(100);
        }
    }

    @Test
    void prefixesAndMalformedLocationsAreRefused() {
        assertThatThrownBy(() -> source.read("flows/team/")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("names a prefix, not an object");
        assertThatThrownBy(() -> source.fingerprint("flows")).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("names a prefix");
        assertThatThrownBy(() -> source.read("a/b.yaml")).hasMessageContaining("is not an S3 bucket name");
        assertThat(source.accepts("flows/a.yaml")).isTrue();
        assertThat(source.accepts("flows/")).isFalse();
        assertThat(source.accepts("x")).isFalse();
        assertThat(source.accepts(null)).isFalse();
    }
}
