package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validating or compiling a named pipe, or a $ref to one, is refused at once instead of blocking. */
@Timeout(30)
class NonRegularFileTest {
    @TempDir
    Path dir;

    private final WorkflowCompilerPlugin plugin = YamlFiles.plugin();

    private Path fifo(String name) throws Exception {
        Path path = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return path;
    }

    @Test
    void aNamedPipeIsRefusedAsASourceAndAsARefTarget() throws Exception {
        Path pipe = fifo("pipe.yaml");
        assertThat(plugin.validateSource(pipe.toString())).isFalse();
        assertThatThrownBy(() -> plugin.compile(pipe.toString(), null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> plugin.compile("yaml://" + pipe, null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
        Path main = Files.writeString(dir.resolve("main.yaml"), """
                workflows:
                  w:
                    nodes:
                      - $ref: "./pipe.yaml#a"
                """);
        assertThatThrownBy(() -> plugin.compile(main.toString(), null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> plugin.compile("/dev/zero", null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
    }
}
