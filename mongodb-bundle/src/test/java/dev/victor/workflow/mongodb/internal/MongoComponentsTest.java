package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static dev.victor.workflow.mongodb.internal.MongoSettingsTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The components as Declarative Services drives them: datasources come and go under the source. */
class MongoComponentsTest {

    @Test
    void datasourceConfigurationsComeAndGoUnderTheSource() {
        try (TestMongo mongo = new TestMongo()) {
            MongoSourceComponent source = new MongoSourceComponent();
            MongoDatasourceComponent main = new MongoDatasourceComponent(config(Map.of("connection", mongo.connection())),
                    source, Map.of(), null);
            MongoDatasourceComponent archive = new MongoDatasourceComponent(config(Map.of("connection",
                    mongo.connection(), "name", "archive", "database", "old")), source, Map.of(), null);
            source.datasources().resolve(null).put("hello", "yaml", "a: 1\n", Instant.EPOCH);

            assertThat(new String(source.read("hello").content(), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
            assertThat(source.fingerprint("hello")).startsWith("version:1;");
            assertThat(source.datasources().names()).containsExactly("archive", "default");

            assertThatThrownBy(() -> new MongoDatasourceComponent(config(Map.of("connection", mongo.connection(),
                    "name", "archive")), source, Map.of(), null)).hasMessageContaining("Two MongoDB datasources are named 'archive'");
            assertThatThrownBy(() -> new MongoDatasourceComponent(config(Map.of("connection", mongo.connection(),
                    "name", "bad", "collection", "system.users")), source, Map.of(), null))
                    .hasMessageContaining("'system.users' is not an allowed collection name");

            main.deactivate();
            assertThat(source.datasources().names()).containsExactly("archive");
            assertThatThrownBy(() -> source.read("default/hello")).isInstanceOf(WorkflowException.class)
                    .hasMessageContaining("No MongoDB datasource 'default'; configured: archive");
            archive.deactivate();
            assertThatThrownBy(() -> source.read("hello")).hasMessageContaining("No MongoDB datasource is configured");
        }
    }
}
