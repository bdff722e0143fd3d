package dev.victor.workflow.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's configuration: {@code etc/config.properties} (framework properties, plus the
 * launcher's own {@code victor.*} settings) and {@code etc/startup.properties} (bundle symbolic
 * name = start level). {@code ${name}} in a value is replaced by another property of the file, a
 * system property or {@code victor.home}.
 */
final class LauncherSettings {

    static final String DEFAULT_START_LEVEL = "victor.bundle.startlevel";
    static final String SHELL_BUNDLES = "victor.shell.bundles";
    static final String READY = "victor.ready";
    static final String READY_TIMEOUT = "victor.ready.timeout.ms";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, String> framework;
    private final Map<String, Integer> startLevels;

    private LauncherSettings(Map<String, String> framework, Map<String, Integer> startLevels) {
        this.framework = framework;
        this.startLevels = startLevels;
    }

    static LauncherSettings load(Path home) {
        Map<String, String> known = new LinkedHashMap<>();
        known.put(Home.PROPERTY, home.toString());
        Map<String, String> framework = substitute(read(home.resolve("etc/config.properties")), known);
        framework.put(Home.PROPERTY, home.toString());
        // -Dname=value on the java command line (VICTOR_JAVA_OPTS) overrides a framework property
        for (String name : System.getProperties().stringPropertyNames()) {
            if (framework.containsKey(name)) {
                framework.put(name, System.getProperty(name));
            }
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        Path startup = home.resolve("etc/startup.properties");
        if (Files.isRegularFile(startup)) {
            Map<String, String> read = read(startup);
            // in the order of the file (which Properties forgets): within a level, bundles start in that order
            for (String name : keysInOrder(startup)) {
                String level = read.get(name);
                if (level == null || levels.containsKey(name)) {
                    continue;
                }
                try {
                    levels.put(name, Integer.parseInt(level.strip()));
                } catch (NumberFormatException e) {
                    throw new LaunchException(startup + ": the start level of " + name + " is not a number: " + level, 1);
                }
            }
        }
        return new LauncherSettings(framework, levels);
    }

    /** The keys of a simple properties file (key = value lines), in the order they appear. */
    private static List<String> keysInOrder(Path file) {
        List<String> keys = new ArrayList<>();
        requireRegularFile(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                    continue;
                }
                int end = 0;
                while (end < text.length() && "=: \t".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                keys.add(text.substring(0, end));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** A named pipe or a device would block or never end: only regular files are read. */
    private static void requireRegularFile(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new LaunchException("cannot read " + file + ": not a regular file (a directory, a named pipe,"
                    + " a device or a socket)", 1);
        }
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        requireRegularFile(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name).strip());
        }
        return map;
    }

    static Map<String, String> substitute(Map<String, String> raw, Map<String, String> known) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            result.put(entry.getKey(), resolve(entry.getValue(), raw, known, Set.of(entry.getKey())));
        }
        return result;
    }

    private static String resolve(String value, Map<String, String> raw, Map<String, String> known, Set<String> seen) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (known.containsKey(name)) {
                replacement = known.get(name);
            } else if (raw.containsKey(name) && !seen.contains(name)) {
                Set<String> deeper = new java.util.HashSet<>(seen);
                deeper.add(name);
                replacement = resolve(raw.get(name), raw, known, deeper);
            } else if (System.getProperty(name) != null) {
                replacement = System.getProperty(name);
            } else {
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Every property of {@code etc/config.properties}, substituted. */
    Map<String, String> frameworkProperties() {
        return framework;
    }

    String get(String name, String fallback) {
        String value = framework.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The place of a bundle in etc/startup.properties (bundles it does not name come after, by file name). */
    int startOrder(String symbolicName) {
        int index = 0;
        for (String name : startLevels.keySet()) {
            if (name.equals(symbolicName)) {
                return index;
            }
            index++;
        }
        return Integer.MAX_VALUE;
    }

    int startLevel(String symbolicName) {
        Integer level = startLevels.get(symbolicName);
        return level != null ? level : Integer.parseInt(get(DEFAULT_START_LEVEL, "2"));
    }

    /** The highest start level any bundle gets. */
    int highestStartLevel() {
        int highest = Integer.parseInt(get(DEFAULT_START_LEVEL, "2"));
        for (int level : startLevels.values()) {
            highest = Math.max(highest, level);
        }
        return highest;
    }

    /** Bundles that are started only for the interactive shell (the Gogo shell reads the terminal). */
    List<String> shellBundles() {
        return words(get(SHELL_BUNDLES, ""));
    }

    /** Service filters that must all match before the runtime counts as ready. */
    List<String> readyFilters() {
        return words(get(READY, ""));
    }

    long readyTimeoutMillis() {
        return Long.parseLong(get(READY_TIMEOUT, "20000"));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[\\s,]+")) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }
}
