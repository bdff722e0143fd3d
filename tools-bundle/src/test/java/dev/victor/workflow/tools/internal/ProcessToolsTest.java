package dev.victor.workflow.tools.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.victor.workflow.tools.internal.FileToolsTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** git and shell, running real programs in a real temporary workspace. */
class ProcessToolsTest {
    @TempDir
    Path dir;
    Path root;
    Workspace workspace;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(dir.resolve("ws"));
        workspace = new Workspace(root);
    }

    private void git(Path where, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=T", "-c", "user.email=t@example.org"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitReadsTheRepository() throws Exception {
        git(root, "init", "-q");
        Files.writeString(root.resolve("a.txt"), "one\n");
        git(root, "add", "a.txt");
        git(root, "commit", "-q", "-m", "first commit");
        Files.writeString(root.resolve("a.txt"), "two\n");
        GitTool tool = new GitTool(workspace, new ProcessRunner(root, Duration.ofSeconds(30), 10_000));

        Map<String, Object> log = (Map<String, Object>) call(tool, Map.of("command", "log", "args", List.of("--oneline")));
        Map<String, Object> diff = (Map<String, Object>) call(tool, Map.of("command", "diff"));

        assertThat(log).containsEntry("exit_code", 0).containsEntry("timed_out", false);
        assertThat((String) log.get("output")).contains("first commit");
        assertThat((String) diff.get("output")).contains("-one", "+two");
        assertThatThrownBy(() -> call(tool, Map.of("command", "commit", "args", List.of("-am", "x"))))
                .hasMessageStartingWith("git: 'commit' is not a read-only command here");
        assertThatThrownBy(() -> call(tool, Map.of("command", "diff", "args", List.of("--output=/tmp/x"))))
                .hasMessage("git: the option '--output=/tmp/x' is not allowed");
        assertThatThrownBy(() -> call(tool, Map.of("command", "diff", "args", List.of("--no-index", "/etc/passwd", "a.txt"))))
                .hasMessage("git: the option '--no-index' is not allowed");
        assertThatThrownBy(() -> call(tool, Map.of("command", "branch", "args", List.of("evil"))))
                .hasMessage("git: branch only lists (--list, -a, -r, -v)");
        assertThatThrownBy(() -> call(tool, Map.of("command", "log", "args", "--oneline")))
                .hasMessage("git: 'args' must be a list of strings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitDoesNotFindARepositoryAboveTheWorkspace() throws Exception {
        git(dir, "init", "-q");
        GitTool tool = new GitTool(workspace, new ProcessRunner(root, Duration.ofSeconds(30), 10_000));

        Map<String, Object> status = (Map<String, Object>) call(tool, Map.of("command", "status"));

        assertThat(status.get("exit_code")).isNotEqualTo(0);
        assertThat((String) status.get("output")).contains("not a git repository");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shellRunsOnlyAllowedProgramsAndNoShell() throws Exception {
        Files.writeString(root.resolve("keep.txt"), "kept");
        ShellTool shell = new ShellTool(Set.of("echo", "sleep", "seq"),
                new ProcessRunner(root, Duration.ofSeconds(1), 100));

        Map<String, Object> echo = (Map<String, Object>) call(shell, Map.of("command",
                "echo 'a b' \"c $HOME\" ; rm keep.txt && $(id) | cat > out"));

        assertThat(echo).containsEntry("exit_code", 0).containsEntry("truncated", false);
        assertThat(echo.get("output")).isEqualTo("a b c $HOME ; rm keep.txt && $(id) | cat > out\n");
        assertThat(root.resolve("keep.txt")).exists();
        assertThat(root.resolve("out")).doesNotExist();
        assertThatThrownBy(() -> call(shell, Map.of("command", "rm keep.txt")))
                .hasMessage("shell: 'rm' is not in shell.allowed.commands (echo, seq, sleep)");
        assertThatThrownBy(() -> call(shell, Map.of("command", "/bin/echo hi")))
                .hasMessageContaining("'/bin/echo' is not in shell.allowed.commands");
        assertThatThrownBy(() -> call(shell, Map.of("command", "echo 'unclosed")))
                .hasMessage("shell: a quote is not closed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shellOutputIsCappedAndASlowProgramIsKilled() throws Exception {
        ShellTool shell = new ShellTool(Set.of("sleep", "seq"), new ProcessRunner(root, Duration.ofSeconds(1), 100));

        Map<String, Object> many = (Map<String, Object>) call(shell, Map.of("command", "seq 100000"));
        Map<String, Object> slow = (Map<String, Object>) call(shell, Map.of("command", "sleep 30"));

        assertThat(many).containsEntry("exit_code", 0).containsEntry("truncated", true)
                .containsEntry("note", "output cut at 100 bytes (max.output.bytes)");
        assertThat(((String) many.get("output")).length()).isEqualTo(100);
        assertThat(slow).containsEntry("timed_out", true).containsEntry("note", "killed after 1 s (timeout.seconds)");
        assertThat(slow.get("exit_code")).isNull();
    }

    @Test
    void theCommandLineIsSplitLikeAShellWithoutExpansions() throws Exception {
        assertThat(ShellTool.split("shell", "mvn -q  test \"-Dtest=A B\" 'x\\y' a\\ b \"q\\\"\""))
                .containsExactly("mvn", "-q", "test", "-Dtest=A B", "x\\y", "a b", "q\"");
        assertThat(ShellTool.split("shell", "  ")).isEmpty();
        assertThat(ShellTool.split("shell", "echo ''")).containsExactly("echo", "");
    }
}
