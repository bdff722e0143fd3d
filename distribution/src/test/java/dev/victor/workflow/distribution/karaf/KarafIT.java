package dev.victor.workflow.distribution.karaf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Karaf features repository in a real Apache Karaf (unpacked from the tar.gz of Maven Central
 * by the karaf profile, with the features' bundles copied into its system/ repository): start
 * it headless, add the repository, install the features, list the schemes and run an example
 * through Karaf's client, stop it.
 */
@EnabledIfSystemProperty(named = "karaf.test.skip", matches = "false")
class KarafIT {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static Path karaf;
    private static int sshPort;
    private static long started;

    @BeforeAll
    static void startKaraf() throws Exception {
        started = System.nanoTime();
        karaf = Path.of(System.getProperty("karaf.dir")).resolve("apache-karaf-" + System.getProperty("karaf.version"));
        assertThat(karaf.resolve("bin/start")).exists();
        deleteTree(karaf.resolve("data"));

        // a user for the client, and ports of our own (another Karaf may be running on this machine)
        edit(karaf.resolve("etc/users.properties"), text -> text
                .replace("#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup")
                .replace("#_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh",
                        "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh"));
        sshPort = freePort();
        edit(karaf.resolve("etc/org.apache.karaf.shell.cfg"), text -> text.replace("sshPort = 8101", "sshPort = " + sshPort));
        int registryPort = freePort();
        int serverPort = freePort();
        edit(karaf.resolve("etc/org.apache.karaf.management.cfg"), text -> text
                .replace("rmiRegistryPort = 1099", "rmiRegistryPort = " + registryPort)
                .replace("rmiServerPort = 44444", "rmiServerPort = " + serverPort));

        Result start = exec(List.of(karaf.resolve("bin/start").toString()), null, Duration.ofSeconds(30));
        assertThat(start.status()).as(start.toString()).isZero();

        // the SSH console takes a while: retry the client until it answers
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Result ready;
        do {
            Thread.sleep(1000);
            ready = client("bundle:list -t 0 | grep -i 'felix scr' ; echo ready\n", Duration.ofSeconds(20));
        } while (!(ready.status() == 0 && ready.out().contains("ready")) && System.nanoTime() < deadline);
        assertThat(ready.status()).as("Karaf's console answers: " + ready).isZero();
        System.out.printf("Karaf started and answers after %d ms%n", elapsedMillis());
    }

    @AfterAll
    static void stopKaraf() throws Exception {
        if (karaf == null) {
            return;
        }
        exec(List.of(karaf.resolve("bin/stop").toString()), null, Duration.ofSeconds(30));
        // bin/stop asks; wait until the process has gone
        Path pidFile = karaf.resolve("karaf.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            String pid = Files.readString(pidFile).strip();
            if (pid.isEmpty() || ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false) == false) {
                break;
            }
            Thread.sleep(200);
        }
        if (Files.exists(pidFile)) {
            String pid = Files.readString(pidFile).strip();
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        System.out.printf("Karaf test, start to stop: %d ms%n", elapsedMillis());
    }

    @Test
    void theFeaturesInstallAndTheWorkflowCommandsRun() {
        Path features = Path.of(System.getProperty("victor.features"));
        Path linear = Path.of(System.getProperty("victor.dist")).resolve("examples/linear.yaml");

        Result install = client("feature:repo-add " + features.toUri() + "\n"
                + "feature:install victor-workflows-yaml victor-workflows-json victor-workflows-http"
                + " victor-workflows-db victor-workflows-examples\n"
                + "feature:list -i | grep victor\n", CLIENT_TIMEOUT);
        assertThat(install.status()).as(install.toString()).isZero();
        assertThat(install.out()).contains("victor-workflows ", "victor-workflows-yaml", "victor-workflows-json",
                "victor-workflows-http", "victor-workflows-db",
                "victor-workflows-examples");
        System.out.printf("features installed after %d ms%n", elapsedMillis());

        Result schemes = client("workflow:schemes\n", CLIENT_TIMEOUT);
        assertThat(schemes.status()).as(schemes.toString()).isZero();
        assertThat(schemes.out()).contains("yaml", "json", "http", "https", "db", "classpath");

        // Karaf keeps its own shell: the features bring no Gogo JLine; workflow:help lists the commands
        Result help = client("workflow:help\nbundle:list -t 0 -s\n", CLIENT_TIMEOUT);
        assertThat(help.status()).as(help.toString()).isZero();
        assertThat(help.out()).as(help.toString()).contains("workflow:run", "workflow:db-put", "workflow:db-threads")
                .doesNotContain("org.apache.felix.gogo.jline");

        Result run = client("workflow:run --json " + linear + " '{\"name\": \"Karaf\"}'\n", CLIENT_TIMEOUT);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"status\":\"COMPLETED\"", "Hello, Karaf!");

        // the db feature: a workflow stored in the built-in H2 file (through the HikariCP pool) and run from it
        Result stored = client("workflow:db-put linear " + linear + "\n"
                + "workflow:run --json db://linear '{\"name\": \"Database\"}'\n", CLIENT_TIMEOUT);
        assertThat(stored.status()).as(stored.toString()).isZero();
        assertThat(stored.out()).as(stored.toString()).contains("Stored 'linear' version 1",
                "\"status\":\"COMPLETED\"", "Hello, Database!");

        Result quote = client("workflow:run classpath://dev.victor.workflow.example-handlers/workflows/quote.yaml"
                + " '{\"items\": [{\"sku\": \"A\", \"quantity\": 2, \"unit_price\": 5}]}'\n", CLIENT_TIMEOUT);
        assertThat(quote.out()).as(quote.toString()).contains("finished COMPLETED", "Quote: 10.0 EUR");
    }

    // ---------------------------------------------------------------- helpers

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Result client(String commands, Duration timeout) {
        return exec(List.of(karaf.resolve("bin/client").toString(), "-a", String.valueOf(sshPort), "-u", "karaf",
                "-p", "karaf", "-b"), commands, timeout);
    }

    private static Result exec(List<String> command, String input, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(karaf.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.remove("KARAF_DEBUG");
        try {
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, out.getNow(""), "timed out after " + timeout);
            }
            return new Result(process.exitValue(), plain(out.join()), plain(err.join()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** Without the terminal's colour codes and carriage returns. */
    private static String plain(String text) {
        return text.replaceAll("\u001B\\[[;\\d]*[A-Za-z]", "").replace("\r", "");
    }

    private static CompletableFuture<String> drain(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private interface Edit {
        String apply(String text);
    }

    private static void edit(Path file, Edit edit) throws IOException {
        Files.writeString(file, edit.apply(Files.readString(file)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
