package dev.victor.workflow.format;

import java.util.List;

/**
 * How a parser tells the reader where things are. A path is the list of keys (strings) and
 * indices (integers) from the root to a value, such as {@code ["workflows", "build", "nodes", 2, "next"]}.
 * A key that is not a string (a YAML 1.1 boolean such as an unquoted {@code true:}, or a number)
 * appears in a path as its text: {@code "true"}, {@code "1"}.
 */
@FunctionalInterface
public interface SourcePositions {

    /**
     * Where the value at {@code path} starts. For a scalar this is its first content character:
     * after the opening quote of a quoted scalar, and the first content line of a block scalar
     * ({@code |} or {@code >}), so that a position inside the text (an expression's syntax error)
     * can be computed from it. {@link SourcePosition#UNKNOWN} when not known.
     */
    SourcePosition valueAt(List<Object> path);

    /** Where the key of the entry at {@code path} starts; by default where its value starts. */
    default SourcePosition keyAt(List<Object> path) {
        return valueAt(path);
    }

    /** A source with no positions (a tree built in code). */
    static SourcePositions none() {
        return path -> SourcePosition.UNKNOWN;
    }
}
