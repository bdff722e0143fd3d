package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes Victor's corpus as pretty-printed JSON, read by this plugin's own tree reader (so YAML 1.1
 * booleans in keys become "true"/"false" strings). The json-bundle keeps the result as test data
 * for its schema and corpus tests. Runs only when asked:
 * {@code mvn -pl yaml-bundle -am test -Dtest=CorpusJsonExport -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvictor.corpus.json.out=$PWD/json-bundle/src/test/resources/conformance/victor-json}
 */
class CorpusJsonExport {

    @Test
    @EnabledIfSystemProperty(named = "victor.corpus.json.out", matches = ".+")
    void export() throws Exception {
        Path out = Path.of(System.getProperty("victor.corpus.json.out"));
        Path corpus = Path.of(getClass().getResource("/conformance/victor").toURI());
        YamlTreeReader reader = new YamlTreeReader(YamlLimits.defaults());
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Object tree = reader.read(Files.readString(file), file.toString()).root();
                String relative = corpus.relativize(file).toString().replaceAll("\\.yaml$", ".json");
                Path target = out.resolve(relative);
                Files.createDirectories(target.getParent());
                StringBuilder json = new StringBuilder();
                write(tree, json, 0);
                json.append('\n');
                Files.writeString(target, json, StandardCharsets.UTF_8);
            }
        }
    }

    static void write(Object value, StringBuilder out, int indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                out.append("  ".repeat(indent + 1));
                string(String.valueOf(entry.getKey()), out);
                out.append(": ");
                write(entry.getValue(), out, indent + 1);
                out.append(entries.hasNext() ? ",\n" : "\n");
            }
            out.append("  ".repeat(indent)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append("  ".repeat(indent + 1));
                write(list.get(i), out, indent + 1);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append("  ".repeat(indent)).append(']');
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
            out.append("null");
        } else {
            out.append(value);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
