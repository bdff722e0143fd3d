package dev.victor.workflow.expr;

import dev.victor.workflow.expr.internal.Equality;
import dev.victor.workflow.expr.internal.Repr;
import dev.victor.workflow.expr.internal.Values;

/**
 * Python's view of Java values, as the expression language uses it, for code that routes on
 * or prints results (for example a condition's branch label is {@code str(value)}).
 *
 * <p>Values are what states hold: {@code null} (None), {@link Boolean}, any {@link Number}
 * (Integer, Long, Short, Byte and BigInteger are ints; Double, Float and BigDecimal are floats),
 * {@link String}, {@link java.util.List}, {@link java.util.Map}.
 */
public final class PyValues {
    private PyValues() {
    }

    /** Python truthiness: None, False, 0, 0.0, "", and empty lists and maps are false. */
    public static boolean truthy(Object value) {
        return Values.truthy(value);
    }

    /**
     * Python's {@code str()}: {@code True}, {@code False}, {@code None}, {@code 1.0},
     * {@code ['a', 'b']}, {@code {'k': 1}}; a string is itself.
     */
    public static String str(Object value) {
        return Repr.str(value);
    }

    /** Python's {@code repr()}: {@code 'text'}, {@code None}, {@code [1, 'a']}. */
    public static String repr(Object value) {
        return Repr.repr(value);
    }

    /**
     * Python's {@code ==}: numbers by value across types ({@code 1 == 1.0}, {@code True == 1},
     * {@code 1 == 1L == BigInteger.ONE}), lists and maps element by element.
     */
    public static boolean equal(Object a, Object b) {
        return Equality.equal(a, b);
    }
}
