package dev.victor.workflow.format;

import java.util.Objects;

/**
 * A parsed document: its tree (maps, lists, strings, numbers, booleans, {@code null}) and where
 * every value of it starts.
 */
public record ParsedDocument(Object tree, SourcePositions positions) {
    public ParsedDocument {
        Objects.requireNonNull(positions, "positions");
    }
}
