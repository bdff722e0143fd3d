package dev.victor.workflow.distribution.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the assembled distribution with its interactive shell running (standard input kept
 * open), which serves the web API and page on a free loopback port; and an HTTP client for it.
 */
final class WebShell implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and body. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    final Path home;
    final int port;
    final URI base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Process process;
    private final OutputStream stdin;
    private final CompletableFuture<String> err;

    private WebShell(Path home, int port, Process process, CompletableFuture<String> err) {
        this.home = home;
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.process = process;
        this.stdin = process.getOutputStream();
        this.err = err;
    }

    /** Copies the distribution (without its data) into {@code directory} and opens its shell there. */
    static WebShell start(Path distribution, Path directory) throws IOException, InterruptedException {
        Path home = directory.resolve("victor");
        copy(distribution, home);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/victor").toString()).directory(directory.toFile());
        builder.environment().put("VICTOR_JAVA_OPTS", "-Dorg.osgi.service.http.port=" + port);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        CompletableFuture<String> err = drain(process.getErrorStream());
        WebShell shell = new WebShell(home, port, process, err);
        shell.awaitHealth();
        return shell;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealth() throws InterruptedException {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new AssertionError("the shell ended with status " + process.exitValue() + ": " + err.join());
            }
            try {
                if (get("api/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the web API did not answer within " + START_TIMEOUT);
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    Response post(String path, String body, String... headers) {
        String[] all = Stream.concat(Stream.of("Content-Type", "application/json"), Stream.of(headers)).toArray(String[]::new);
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), all);
    }

    Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** What the shell wrote to standard error so far is only known at the end: see {@link #close()}. */
    String stderrAfterClose() {
        return err.join();
    }

    /** Closes the shell's standard input (the shell stops the runtime) and waits for it to end. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // gone already
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(path);
                Path target = to.resolve(relative.toString());
                // of data/ only its README: not the database, nor the framework cache and class-data archives
                boolean data = relative.getNameCount() > 1 && relative.getName(0).toString().equals("data");
                if (data && !(relative.getNameCount() == 2 && path.toString().endsWith(".txt"))) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
