package dev.victor.workflow.distribution.e2e;

import dev.victor.workflow.distribution.e2e.Victor.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user reads: {@code help} with every command and its usage, wrong arguments answered
 * with the usage, one JSON document at the end of every failing {@code --json} command, and
 * messages that say what to do next (resume of an ended thread, of a run started elsewhere, JSON
 * in the shell, a deployed bundle that does not resolve).
 */
class ShellMessagesIT {

    private static Path home;
    private static Path victor;

    @TempDir
    static Path elsewhere;

    @BeforeAll
    static void distribution() {
        home = Victor.home();
        victor = home.resolve("bin/victor");
    }

    private static Run run(Path directory, String... arguments) {
        return Victor.run(directory, null, victor, arguments);
    }

    private static Run shell(String input) {
        return Victor.run(elsewhere, input, victor);
    }

    @Test
    void helpListsEveryCommandWithWhatItDoes() {
        Run help = run(elsewhere, "help");

        assertThat(help.status()).as(help.toString()).isZero();
        for (String command : List.of("workflow:run", "workflow:resume", "workflow:db-put", "workflow:db-list",
                "workflow:db-threads", "workflow:cache", "felix:lb")) {
            assertThat(help.out()).as(help.toString()).containsPattern("(?m)^  " + command + " +\\S");
        }
        Run usage = run(elsewhere, "help", "db-put");
        assertThat(usage.out()).contains("workflow:db-put - stores a workflow file")
                .contains("usage: db-put [-d|--datasource DATASOURCE]");
    }

    @Test
    void wrongArgumentsGetTheUsageNotJavaSignatures() {
        Run oneShot = run(elsewhere, "workflow:run");
        assertThat(oneShot.status()).as(oneShot.toString()).isEqualTo(2);
        assertThat(oneShot.err()).contains("wrong arguments for workflow:run");
        assertThat(oneShot.out()).contains("usage: run [-w|--workflow NAME] [--json]").contains("STATE-JSON");
        assertThat(oneShot.out() + oneShot.err()).doesNotContain("Cannot coerce").doesNotContain("CommandSession");

        Run shell = shell("run\nhelp run\nhelp nothing-such\nrun " + elsewhere.resolve("missing.yaml") + "\n");
        assertThat(shell.out() + shell.err()).as(shell.toString())
                .contains("victor: wrong arguments for run; its usage:")
                .contains("usage: run [-w|--workflow NAME]")
                .contains("No command 'nothing-such'")
                .contains("workflow file not found")
                .doesNotContain("Cannot coerce").doesNotContain("CommandFailedException")
                .doesNotContain("gogo:").doesNotContain("help workflow");
    }

    @Test
    void everyFailingJsonCommandEndsWithOneJsonDocument() {
        String missing = elsewhere.resolve("missing.yaml").toString();
        List<List<String>> commands = List.of(
                List.of("workflow:run", "--json", missing),
                List.of("workflow:run", "--json", home.resolve("examples/linear.yaml").toString(), "{oops"),
                List.of("workflow:resume", "--json", "no-such-thread", "true"),
                List.of("workflow:history", "--json", "no-such-thread"),
                List.of("workflow:fork", "--json", "no-such-thread", "1"),
                List.of("workflow:compile", "--json", missing),
                List.of("workflow:validate", "--json", missing));
        for (List<String> command : commands) {
            Run failed = run(elsewhere, command.toArray(String[]::new));
            assertThat(failed.status()).as(failed.toString()).isIn(1, 2);
            Map<String, Object> document = failed.json();
            assertThat(document).as(failed.toString()).isNotEmpty();
        }
        Run badState = run(elsewhere, "workflow:run", "--json", home.resolve("examples/linear.yaml").toString(), "{oops");
        assertThat(badState.out()).contains("the state is not valid JSON at line 1, column 2 (offset 1)")
                .doesNotContain("hint:");
    }

    @Test
    void resumeSaysWhatToDoNext() throws IOException {
        Run done = run(elsewhere, "workflow:run", "--json", home.resolve("examples/linear.yaml").toString(),
                "{\"name\": \"Ada\"}");
        String finished = (String) done.json().get("threadId");
        Run again = run(elsewhere, "workflow:resume", finished, "true");
        assertThat(again.status()).as(again.toString()).isEqualTo(2);
        assertThat(again.out()).contains("waits for an answer").contains("workflow:db-threads")
                .doesNotContain("--uri");

        Path started = Files.createDirectories(elsewhere.resolve("started-here"));
        Files.copy(home.resolve("examples/approval.yaml"), started.resolve("approval.yaml"));
        Run waiting = run(started, "workflow:run", "--json", "approval.yaml", "{\"payee\": \"Bob\", \"amount\": 40}");
        assertThat(waiting.json().get("status")).as(waiting.toString()).isEqualTo("INTERRUPTED");
        String thread = (String) waiting.json().get("threadId");
        Run fromElsewhere = run(elsewhere, "workflow:resume", thread, "true");
        assertThat(fromElsewhere.status()).as(fromElsewhere.toString()).isEqualTo(1);
        assertThat(fromElsewhere.out()).contains("not found").contains("--uri");
        Run withUri = run(elsewhere, "workflow:resume", "--uri", started.resolve("approval.yaml").toString(), thread,
                "true");
        assertThat(withUri.out()).as(withUri.toString()).contains("finished COMPLETED");
        Run twice = run(elsewhere, "workflow:resume", "--uri", started.resolve("approval.yaml").toString(), thread,
                "true");
        assertThat(twice.status()).as(twice.toString()).isIn(1, 2);
        assertThat(twice.out()).contains("workflow:db-threads");
    }

    @Test
    void theShellRemindsThatJsonGoesInSingleQuotes() {
        String linear = home.resolve("examples/linear.yaml").toString();
        Run shell = shell("run " + linear + " '{oops'\nrun " + linear + " {\"name\": \"Ada\"\n");
        assertThat(shell.out() + shell.err()).as(shell.toString())
                .contains("the state is not valid JSON at line 1, column 2 (offset 1)")
                .contains("hint: in the shell, put JSON in single quotes")
                .contains("the line is not complete");
    }

    @Test
    void aDeployedBundleThatDoesNotResolveIsReportedInTheShell() throws Exception {
        Path jar = home.resolve("deploy/unresolvable-test-bundle.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "unresolvable.test.bundle");
        main.putValue("Import-Package", "no.such.package.anywhere");
        Path staged = elsewhere.resolve("unresolvable-test-bundle.jar");
        try (OutputStream file = Files.newOutputStream(staged); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        ProcessBuilder builder = new ProcessBuilder(victor.toString()).directory(elsewhere.toFile())
                .redirectErrorStream(true);
        Process process = builder.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    screen.append(new String(buffer, 0, n));
                }
            } catch (IOException e) {
                // ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            await(screen, "victor> ");
            Files.copy(staged, jar);
            await(screen, "deploy/unresolvable-test-bundle.jar is not active");
            assertThat(screen.toString()).contains("no.such.package.anywhere");
        } finally {
            Files.deleteIfExists(jar);
            process.getOutputStream().close();
            if (!process.waitFor(Victor.TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits (a guard against a hang, not a measurement) until the output holds the text. */
    private static void await(StringBuffer screen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Victor.TIMEOUT.toNanos();
        while (!screen.toString().contains(text)) {
            assertThat(System.nanoTime()).as("waiting for %s; the shell wrote:%n%s", text, screen).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
