package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import dev.victor.workflow.db.WorkflowDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An emptied H2 file is refused, never opened as a new empty database. */
class H2FilesTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:/srv/v/data/victor-workflows;AUTO_SERVER=TRUE | /srv/v/data/victor-workflows.mv.db",
            "jdbc:h2:/srv/v/w | /srv/v/w.mv.db",
            "JDBC:H2:FILE:/srv/v/w;MODE=PostgreSQL | /srv/v/w.mv.db",
            "jdbc:h2:./data/w | ./data/w.mv.db"})
    void findsTheFileOfAnEmbeddedDatabase(String url, String file) {
        assertThat(H2Files.file(url)).contains(Path.of(file));
    }

    @ParameterizedTest
    @CsvSource({"jdbc:h2:mem:x", "jdbc:h2:tcp://localhost/~/w", "jdbc:h2:ssl://h/w", "jdbc:postgresql://h/db",
            "jdbc:h2:zip:/a.zip!/w"})
    void otherUrlsHaveNoFile(String url) {
        assertThat(H2Files.file(url)).isEqualTo(Optional.empty());
    }

    @Test
    void anEmptiedFileIsRefusedAndLeftAsItIs() throws Exception {
        Path base = data.resolve("victor-workflows");
        DataSourceSettings settings = DataSourceSettings.of("default",
                "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE", "sa", "");
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            db.put("w", "yaml", "x: 1\n");
        }
        Path file = data.resolve("victor-workflows.mv.db");
        assertThat(Files.size(file)).isPositive();
        Files.write(file, new byte[0]);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
                assertThatThrownBy(db::list)
                        .isInstanceOf(dev.victor.workflow.api.WorkflowException.class)
                        .hasMessageContaining("The H2 database file " + file + " is empty (0 bytes)")
                        .hasMessageContaining("Restore it from a backup, or delete it");
            }
            assertThat(Files.size(file)).as("the file is left empty, not made a new database").isZero();
        }
        Files.delete(file);
        try (WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build()) {
            assertThat(db.list()).as("a deleted file starts anew").isEmpty();
        }
    }
}
