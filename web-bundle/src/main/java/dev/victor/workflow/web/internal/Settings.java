package dev.victor.workflow.web.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web API's settings as checked values (see {@link WebConfig} for each one's meaning).
 * Directories are absolute and normalised; relative ones are taken from {@code home}.
 */
record Settings(String token, String user, String password, Set<String> allowedSchemes, Set<String> fileSchemes,
                List<Path> fileDirectories, Path fileBase, int maxBodyBytes, int requestsPerMinute,
                int maxRunningRuns, int maxEventStreams, int rememberedRuns, int maxEventsPerRun, int inboxLimit,
                int waitSeconds) {

    Settings {
        allowedSchemes = Set.copyOf(allowedSchemes);
        fileSchemes = Set.copyOf(fileSchemes);
        fileDirectories = List.copyOf(fileDirectories);
        positive("max.body.bytes", maxBodyBytes);
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requests.per.minute must be 0 (no limit) or more, was " + requestsPerMinute);
        }
        positive("max.running.runs", maxRunningRuns);
        positive("max.event.streams", maxEventStreams);
        positive("remembered.runs", rememberedRuns);
        positive("max.events.per.run", maxEventsPerRun);
        positive("inbox.limit", inboxLimit);
        positive("wait.seconds", waitSeconds);
        if (user.isEmpty() != password.isEmpty()) {
            throw new IllegalArgumentException("auth.user and auth.password are set together or not at all");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** True when requests must authenticate (a token, or a user and password, is configured). */
    boolean authenticationConfigured() {
        return !token.isEmpty() || !user.isEmpty();
    }

    static Settings of(WebConfig config, Path home) {
        List<Path> directories = new ArrayList<>();
        for (String directory : words(config.file_directories())) {
            directories.add(home.resolve(directory).toAbsolutePath().normalize());
        }
        String base = config.file_base() == null ? "" : config.file_base().strip();
        Path fileBase = !base.isEmpty() ? home.resolve(base).toAbsolutePath().normalize()
                : directories.isEmpty() ? home.toAbsolutePath().normalize() : directories.get(0);
        return new Settings(text(config.auth_token()), text(config.auth_user()), text(config.auth_password()),
                lower(words(config.allowed_schemes())), lower(words(config.file_schemes())), directories, fileBase,
                config.max_body_bytes(), config.requests_per_minute(), config.max_running_runs(),
                config.max_event_streams(), config.remembered_runs(), config.max_events_per_run(),
                config.inbox_limit(), config.wait_seconds());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Set<String> lower(List<String> words) {
        Set<String> set = new LinkedHashSet<>();
        words.forEach(word -> set.add(word.toLowerCase(Locale.ROOT)));
        return set;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String word : text.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
        }
        return words;
    }

    @Override
    public String toString() {
        // never the secrets
        return "Settings[auth=" + (authenticationConfigured() ? "configured" : "none") + ", schemes=" + allowedSchemes
                + ", directories=" + fileDirectories + "]";
    }
}
