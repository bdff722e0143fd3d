package dev.victor.workflow.expr.internal;

/**
 * An exception as a value: what {@code except Kind as e} binds and {@code Kind("message")}
 * builds. {@code str(e)} is the message; it never reaches the state.
 */
public record PyError(String kind, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind).append('(');
        if (!message.isEmpty()) {
            Repr.quote(b, message);
        }
        return b.append(')').toString();
    }
}
