package dev.victor.workflow.web.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcePolicyTest {

    @TempDir
    Path root;

    static Settings settings(List<Path> directories, Path base) {
        return new Settings("", "", "", Set.of("yaml", "json", "db", "file"), Set.of("yaml", "json", "file"),
                directories, base, 1000, 0, 2, 2, 10, 100, 10, 5);
    }

    private SourcePolicy policy() throws IOException {
        Path flows = Files.createDirectories(root.resolve("flows"));
        Files.writeString(flows.resolve("a.yaml"), "workflows: {}");
        return new SourcePolicy(settings(List.of(flows), flows));
    }

    @Test
    void acceptsFilesInsideTheDirectoriesAndNamesThemByTheirAbsolutePath() throws IOException {
        SourcePolicy policy = policy();
        Path real = root.resolve("flows/a.yaml").toRealPath();

        assertThat(policy.check("a.yaml")).isEqualTo(real.toString());
        assertThat(policy.check("yaml://a.yaml")).isEqualTo("yaml://" + real);
        assertThat(policy.check("yaml://" + real)).isEqualTo("yaml://" + real);
        assertThat(policy.check("sub/../a.yaml")).isEqualTo(real.toString());
    }

    @Test
    void refusesPathsOutsideTheDirectoriesWhateverTheSpelling() throws IOException {
        SourcePolicy policy = policy();
        Files.writeString(root.resolve("secret.yaml"), "x");
        Files.createSymbolicLink(root.resolve("flows/link.yaml"), root.resolve("secret.yaml"));
        Files.createSymbolicLink(root.resolve("flows/out"), root);

        for (String uri : List.of("../secret.yaml", "/etc/passwd", "yaml:///etc/passwd", "file://../secret.yaml",
                "json://" + root.resolve("secret.yaml"), "link.yaml", "FILE:///etc/hosts",
                "out/secret.yaml", "out/not-yet-there.yaml", "out/new/dir/x.yaml")) {
            assertThatThrownBy(() -> policy.check(uri)).as(uri).isInstanceOfSatisfying(ApiException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("outside the directories this server may read");
                    });
        }
    }

    @Test
    void refusesSchemesTheOperatorDidNotAllowAndPassesOthersAsTheyAre() throws IOException {
        SourcePolicy policy = policy();

        assertThatThrownBy(() -> policy.check("http://localhost/x.yaml")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("The scheme 'http'", "allowed.schemes"));
        assertThat(policy.check("db://review")).isEqualTo("db://review");
    }

    @Test
    void refusesEmptyControlCharactersAndFilesWhenNoDirectoryIsConfigured() throws IOException {
        SourcePolicy policy = policy();
        assertThatThrownBy(() -> policy.check(" ")).hasMessageContaining("'uri' is required");
        assertThatThrownBy(() -> policy.check("workflows:\n  a: {}")).hasMessageContaining("control character");
        assertThatThrownBy(() -> policy.check("x".repeat(SourcePolicy.MAX_URI_LENGTH + 1))).hasMessageContaining("longer than");

        SourcePolicy none = new SourcePolicy(settings(List.of(), root));
        assertThatThrownBy(() -> none.check("a.yaml")).hasMessageContaining("file.directories is empty");
    }
}
