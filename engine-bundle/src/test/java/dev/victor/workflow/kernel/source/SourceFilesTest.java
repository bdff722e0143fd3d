package dev.victor.workflow.kernel.source;

import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only regular files are read: a named pipe would block forever, a device would never end. */
@Timeout(30)
class SourceFilesTest {
    @TempDir
    Path dir;

    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
        return path;
    }

    @Test
    void refusesNamedPipesDevicesAndLinksToThemAtOnce() throws Exception {
        Path pipe = fifo(dir.resolve("pipe.yaml"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), pipe);
        for (Path path : List.of(pipe, link, Path.of("/dev/zero"), Path.of("/dev/null"), Path.of("/dev/urandom"))) {
            assertThatThrownBy(() -> SourceFiles.read(path, path.toString(), 1024))
                    .as(path.toString())
                    .isInstanceOf(WorkflowSourceUnavailableException.class)
                    .hasMessage("refused: '" + path + "' is not a regular file (a named pipe, a device or a socket);"
                            + " only regular files are read");
        }
    }

    @Test
    void readsRegularFilesAndLinksToThem() throws IOException {
        Path file = Files.writeString(dir.resolve("w.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("l.yaml"), file);
        assertThat(new String(SourceFiles.read(file, "w.yaml", 1024), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
        assertThat(new String(SourceFiles.read(link, "l.yaml", 1024), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
    }
}
