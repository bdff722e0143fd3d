package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validating or compiling a named pipe is refused at once instead of blocking. */
@Timeout(30)
class NonRegularFileTest {
    @TempDir
    Path dir;

    private final WorkflowCompilerPlugin plugin = JsonFiles.plugin();

    @Test
    void aNamedPipeIsRefused() throws Exception {
        Path pipe = dir.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor()).isZero();
        assertThat(plugin.validateSource(pipe.toString())).isFalse();
        assertThatThrownBy(() -> plugin.compile(pipe.toString(), null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> plugin.compile("json+file://" + pipe, null, true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("is not a regular file");
    }
}
