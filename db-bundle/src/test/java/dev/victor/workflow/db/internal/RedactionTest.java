package dev.victor.workflow.db.internal;

import dev.victor.workflow.db.DataSourceSettings;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void urlPasswordParametersAreHidden() {
        assertThat(Redaction.url("jdbc:postgresql://h/db?user=v&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=v&password=***&ssl=true");
        assertThat(Redaction.url("jdbc:h2:tcp://h/db;USER=sa;PASSWORD=hunter2;IFEXISTS=TRUE"))
                .isEqualTo("jdbc:h2:tcp://h/db;USER=sa;PASSWORD=***;IFEXISTS=TRUE");
        assertThat(Redaction.url("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Redaction.text("datasource 'v' (jdbc:h2:mem:b;X=1&password=xy, user victor): failed", "xy"))
                .as("in a message, the value ends where the URL does")
                .isEqualTo("datasource 'v' (jdbc:h2:mem:b;X=1&password=***, user victor): failed");
    }

    @Test
    void settingsNeverShowThePassword() {
        DataSourceSettings settings = DataSourceSettings.of("pg", "jdbc:postgresql://h/db?password=inurl", "victor",
                "hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("inurl").contains("password=***");
        assertThat(settings.redactedUrl()).doesNotContain("inurl");
    }

    @Test
    void exceptionChainsLoseThePasswordAndKeepTheRest() {
        SQLException next = new SQLException("second mentions hunter2 again", "28P01", 2);
        SQLException cause = new SQLException("cause hunter2", "08001", 3, new RuntimeException("deep hunter2"));
        SQLException original = new SQLException("login as victor/hunter2 failed", "28000", 1, cause);
        original.setNextException(next);
        SQLException clean = Redaction.sqlException(original, "hunter2");
        assertThat(clean.getMessage()).isEqualTo("login as victor/*** failed");
        assertThat(clean.getSQLState()).isEqualTo("28000");
        assertThat(clean.getErrorCode()).isEqualTo(1);
        assertThat(clean.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(clean.getCause().getMessage()).isEqualTo("cause ***");
        assertThat(clean.getCause().getCause().getMessage()).doesNotContain("hunter2");
        assertThat(clean.getNextException().getMessage()).isEqualTo("second mentions *** again");
        assertThat(Redaction.text("a b c", "abc")).as("short passwords are not searched for").isEqualTo("a b c");
    }
}
