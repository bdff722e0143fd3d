package dev.victor.workflow.tools.internal;

import dev.victor.workflow.spi.NodeCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file tools in a real temporary workspace, with escape attempts through '..', absolute paths and links. */
class FileToolsTest {
    @TempDir
    Path dir;
    Path root;
    Path outside;
    Workspace workspace;
    final FileLimits limits = new FileLimits(1000, 3);

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(dir.resolve("ws"));
        outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        Files.writeString(root.resolve("notes.md"), "# Notes\nTODO: intro\nbody\nTODO: end\n");
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("src/main/App.java"), "class App { // TODO\n}\n");
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("leakdir"), outside);
        Files.createSymbolicLink(root.resolve("inner.md"), root.resolve("notes.md"));
        Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("nowhere"));
        workspace = new Workspace(root);
    }

    static Object call(StandardTool tool, Map<String, Object> args) throws Exception {
        return tool.call(new NodeCall("wf", "n", null, args, Map.of(), Map.of()));
    }

    @Test
    void readNumbersLinesAndPages() throws Exception {
        ReadTool read = new ReadTool(workspace, limits);

        assertThat(call(read, Map.of("path", "notes.md")))
                .isEqualTo("1\t# Notes\n2\tTODO: intro\n3\tbody\n[1 more lines; read on with offset 4]\n");
        assertThat(call(read, Map.of("path", "notes.md", "offset", 4))).isEqualTo("4\tTODO: end\n");
        assertThat(call(read, Map.of("path", root.resolve("notes.md").toString(), "limit", 1)))
                .as("an absolute path inside").asString().startsWith("1\t# Notes\n");
        assertThat(call(read, Map.of("path", "inner.md", "limit", 1))).as("a link inside").asString()
                .startsWith("1\t# Notes");
        assertThatThrownBy(() -> call(read, Map.of("path", "notes.md", "limit", 4)))
                .hasMessage("read: 'limit' must be a whole number from 1 to 3");
        assertThatThrownBy(() -> call(read, Map.of())).hasMessage("read: 'path' is required (a string)");
    }

    @Test
    void nothingOutsideTheWorkspaceCanBeReached() {
        ReadTool read = new ReadTool(workspace, limits);

        assertThatThrownBy(() -> call(read, Map.of("path", "../outside/secret.txt")))
                .hasMessage("read: '../outside/secret.txt' is outside the workspace");
        assertThatThrownBy(() -> call(read, Map.of("path", "src/../../outside/secret.txt")))
                .hasMessageContaining("is outside the workspace");
        assertThatThrownBy(() -> call(read, Map.of("path", outside.resolve("secret.txt").toString())))
                .hasMessageContaining("is outside the workspace");
        assertThatThrownBy(() -> call(read, Map.of("path", "/etc/passwd"))).hasMessageContaining("is outside the workspace");
        assertThatThrownBy(() -> call(read, Map.of("path", "leak.txt")))
                .hasMessage("read: 'leak.txt' leads outside the workspace through a symbolic link");
        assertThatThrownBy(() -> call(read, Map.of("path", "leakdir/secret.txt")))
                .hasMessage("read: 'leakdir/secret.txt' leads outside the workspace through a symbolic link");
        assertThatThrownBy(() -> call(read, Map.of("path", "dangling")))
                .hasMessageContaining("broken symbolic link");
    }

    @Test
    void writeCreatesFoldersButNeverWritesOutside() throws Exception {
        WriteTool write = new WriteTool(workspace, limits);

        assertThat(call(write, Map.of("path", "out/new/file.txt", "content", "héllo"))).isEqualTo(
                "wrote 6 bytes to out/new/file.txt");
        assertThat(Files.readString(root.resolve("out/new/file.txt"))).isEqualTo("héllo");
        assertThatThrownBy(() -> call(write, Map.of("path", "../escape.txt", "content", "x")))
                .hasMessageContaining("outside the workspace");
        assertThatThrownBy(() -> call(write, Map.of("path", "leak.txt", "content", "overwritten")))
                .hasMessageContaining("through a symbolic link");
        assertThatThrownBy(() -> call(write, Map.of("path", "leakdir/planted.txt", "content", "x")))
                .hasMessageContaining("through a symbolic link");
        assertThatThrownBy(() -> call(write, Map.of("path", "big.txt", "content", "x".repeat(1001))))
                .hasMessage("write: the content has 1001 bytes, more than max.file.bytes (1000)");
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(dir.resolve("escape.txt")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("top secret\n");
    }

    @Test
    void editReplacesAUniquePieceOrEveryOne() throws Exception {
        EditTool edit = new EditTool(workspace, limits);

        assertThat(call(edit, Map.of("path", "notes.md", "old_string", "body", "new_string", "the $1 body")))
                .isEqualTo("replaced 1 occurrence in notes.md");
        assertThatThrownBy(() -> call(edit, Map.of("path", "notes.md", "old_string", "TODO", "new_string", "DONE")))
                .hasMessage("edit: old_string occurs 2 times in 'notes.md'; give more context or set replace_all");
        assertThat(call(edit, Map.of("path", "notes.md", "old_string", "TODO", "new_string", "DONE", "replace_all", true)))
                .isEqualTo("replaced 2 occurrences in notes.md");
        assertThat(Files.readString(root.resolve("notes.md"))).isEqualTo("# Notes\nDONE: intro\nthe $1 body\nDONE: end\n");
        assertThatThrownBy(() -> call(edit, Map.of("path", "notes.md", "old_string", "absent", "new_string", "x")))
                .hasMessage("edit: old_string does not occur in 'notes.md'");
        assertThatThrownBy(() -> call(edit, Map.of("path", "leak.txt", "old_string", "top", "new_string", "x")))
                .hasMessageContaining("through a symbolic link");
    }

    @Test
    void grepSearchesInsideOnly() throws Exception {
        GrepTool grep = new GrepTool(workspace, new FileLimits(1000, 10));

        assertThat(call(grep, Map.of("pattern", "TODO"))).isEqualTo(
                "inner.md:2:TODO: intro\ninner.md:4:TODO: end\nnotes.md:2:TODO: intro\nnotes.md:4:TODO: end\n"
                        .strip().replace("\ninner", "\ninner") + "\nsrc/main/App.java:1:class App { // TODO");
        assertThat(call(grep, Map.of("pattern", "todo", "ignore_case", true, "glob", "**/*.java")))
                .isEqualTo("src/main/App.java:1:class App { // TODO");
        assertThat(call(grep, Map.of("pattern", "secret"))).as("links to outside are not followed").isEqualTo("no match");
        assertThatThrownBy(() -> call(grep, Map.of("pattern", "x", "path", "leakdir")))
                .hasMessageContaining("through a symbolic link");
        assertThatThrownBy(() -> call(grep, Map.of("pattern", "(")))
                .hasMessageStartingWith("grep: the pattern is not a regular expression");
        assertThat(call(new GrepTool(workspace, new FileLimits(1000, 1)), Map.of("pattern", "TODO")))
                .isEqualTo("inner.md:2:TODO: intro\n[more matches not shown: max.results is 1]");
    }

    @Test
    void globAndLs() throws Exception {
        assertThat(call(new GlobTool(workspace, limits), Map.of("pattern", "**/*.java"))).isEqualTo("src/main/App.java");
        assertThat(call(new GlobTool(workspace, limits), Map.of("pattern", "*.md"))).isEqualTo("inner.md\nnotes.md");
        assertThat(call(new LsTool(workspace, new FileLimits(1000, 10)), Map.of()))
                .isEqualTo("dangling@\ninner.md@\nleak.txt@\nleakdir@\nnotes.md\nsrc/");
        assertThat(call(new LsTool(workspace, limits), Map.of("path", "src"))).isEqualTo("main/");
        assertThatThrownBy(() -> call(new LsTool(workspace, limits), Map.of("path", "..")))
                .hasMessageContaining("outside the workspace");
        assertThatThrownBy(() -> call(new LsTool(workspace, limits), Map.of("path", "leakdir")))
                .hasMessageContaining("through a symbolic link");
        assertThatThrownBy(() -> call(new GlobTool(workspace, limits), Map.of("pattern", "*", "path", "/tmp")))
                .hasMessageContaining("outside the workspace");
    }
}
