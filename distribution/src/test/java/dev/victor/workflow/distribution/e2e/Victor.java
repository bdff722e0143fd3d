package dev.victor.workflow.distribution.e2e;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the assembled {@code bin/victor} as a user does, in a given directory, and collects what it printed. */
final class Victor {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A workflow that loops until it is cancelled (or reaches its huge max_iterations), for the Ctrl-C tests. */
    static final String SPIN_WORKFLOW = """
        workflows:
          spin:
            max_iterations: 100000000
            nodes:
              - id: start
                type: transform
                transform: "n = 0"
              - id: step
                type: transform
                transform: "n += 1"
              - id: again
                type: condition
                condition: "n < 0"
                branches:
                  "true": end
                  "false": step
        """;

    /** What one run of bin/victor did. */
    record Run(int status, String out, String err, Duration took) {

        /** The last line of standard output as JSON (the commands' --json document). */
        Map<String, Object> json() {
            List<String> lines = out.lines().toList();
            if (lines.isEmpty()) {
                throw new AssertionError("no output; stderr:\n" + err);
            }
            return Json.object(lines.get(lines.size() - 1));
        }

        @Override
        public String toString() {
            return "status " + status + " in " + took.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Victor() {
    }

    static Path home() {
        return Path.of(System.getProperty("victor.dist", "target/victor")).toAbsolutePath();
    }

    static Run run(Path directory, String input, Path executable, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            var out = drain(process.getInputStream());
            var err = drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("bin/victor " + String.join(" ", arguments) + " did not finish in " + TIMEOUT);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Run(process.exitValue(), out.join(), err.join(), took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static java.util.concurrent.CompletableFuture<String> drain(InputStream stream) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Just enough JSON for the result documents, with jackson-core's parser. */
    static final class Json {
        private static final JsonFactory FACTORY = new JsonFactory();

        private Json() {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            try (JsonParser parser = FACTORY.createParser(text)) {
                Object value = read(parser, parser.nextToken());
                if (!(value instanceof Map)) {
                    throw new AssertionError("not a JSON object: " + text);
                }
                return (Map<String, Object>) value;
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        private static Object read(JsonParser parser, JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                        String name = parser.currentName();
                        map.put(name, read(parser, parser.nextToken()));
                    }
                    return map;
                }
                case START_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                        list.add(read(parser, next));
                    }
                    return list;
                }
                case VALUE_STRING -> {
                    return parser.getText();
                }
                case VALUE_NUMBER_INT -> {
                    return parser.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> {
                    return parser.getDoubleValue();
                }
                case VALUE_TRUE -> {
                    return true;
                }
                case VALUE_FALSE -> {
                    return false;
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
