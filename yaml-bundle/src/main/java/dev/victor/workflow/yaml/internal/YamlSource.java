package dev.victor.workflow.yaml.internal;

import java.nio.file.Path;

/** What a source string turned out to be: a file, or YAML text. */
sealed interface YamlSource {

    /** The name used in messages: the path as given (resolved against the base directory), or {@code null} for text. */
    String displayName();

    /** A file on the local file system. */
    record File(Path path, String displayName) implements YamlSource {
    }

    /** YAML text handed in directly. */
    record Text(String text) implements YamlSource {
        @Override
        public String displayName() {
            return null;
        }
    }
}
