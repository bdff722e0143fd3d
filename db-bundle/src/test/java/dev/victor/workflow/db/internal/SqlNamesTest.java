package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"workflows", "WF_2", "_private", "victor.workflows", "a", "t23456789012345678901234567890123456789012345678901234567890123"})
    void plainIdentifiersAreTables(String name) {
        assertThat(SqlNames.table(name, "workflow table")).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "workflows; DROP TABLE checkpoints", "workflows --", "workflows/*", "\"workflows\"", "`workflows`",
            "[workflows]", "work flows", "workflows\n", "1workflows", "a.b.c", ".workflows", "workflows.",
            "wörkflows", "workflows' OR '1'='1", "select", "SELECT", "public.user", "table", "",
            "t234567890123456789012345678901234567890123456789012345678901234", "w-f", "w$f"})
    void anythingElseIsRefused(String name) {
        assertThatThrownBy(() -> SqlNames.table(name, "workflow table"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflow table");
    }

    @Test
    void settingsRefuseBadTableNamesBeforeAnyConnection() {
        DataSourceSettings good = DataSourceSettings.of("default", "jdbc:h2:mem:x", "sa", "");
        assertThatThrownBy(() -> good.withTable("workflows; DROP TABLE x"))
                .hasMessageContaining("Invalid workflow table name 'workflows; DROP TABLE x'");
        assertThatThrownBy(() -> good.withCheckpointTable("order"))
                .hasMessageContaining("'order' is a reserved SQL word");
        assertThatThrownBy(() -> DataSourceSettings.of("a/b", "jdbc:h2:mem:x", "sa", ""))
                .hasMessageContaining("Invalid datasource name");
        assertThatThrownBy(() -> DataSourceSettings.of("default", "http://x", "sa", ""))
                .hasMessageContaining("not a JDBC URL");
        assertThatThrownBy(() -> good.withPool(0, good.poolTimeout())).hasMessageContaining("1 to 100");
    }

    @Test
    void quotingForMessagesEscapesControlCharactersAndCuts() {
        assertThat(SqlNames.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(SqlNames.quote("x".repeat(100))).endsWith("...'").hasSize(85);
        assertThat(SqlNames.quote(null)).isEqualTo("(none)");
    }
}
