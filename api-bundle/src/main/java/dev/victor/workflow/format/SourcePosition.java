package dev.victor.workflow.format;

/** A 1-based line and column in a source; {@link #UNKNOWN} when the parser could not say. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    public boolean isKnown() {
        return line > 0;
    }
}
