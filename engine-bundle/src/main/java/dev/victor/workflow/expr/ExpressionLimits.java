package dev.victor.workflow.expr;

/**
 * The limits that keep one expression or transform bounded in time and memory. Every limit is
 * enforced; breaking one fails with a message that names the constant.
 *
 * <ul>
 *   <li>parse time: {@link #MAX_TEXT_LENGTH}, {@link #MAX_NESTING_DEPTH};</li>
 *   <li>evaluation: {@link #MAX_STEPS}, {@link #MAX_BUILT_SIZE}, {@link #MAX_ALLOCATED},
 *       {@link #MAX_POWER_EXPONENT}, {@link #MAX_INTEGER_BITS}, {@link #MAX_CALL_DEPTH},
 *       {@link #MAX_REGEX_STEPS}; and an {@link EvaluationGuard}
 *       asked every {@link #GUARD_INTERVAL} steps.</li>
 * </ul>
 */
public final class ExpressionLimits {
    /** Characters in the text of one expression or transform program (64 KiB). */
    public static final int MAX_TEXT_LENGTH = 64 * 1024;

    /**
     * Nesting depth of the parse: brackets, unary operators, operands of binary operators,
     * conditional expressions, comprehensions and blocks each add a level. Also the deepest
     * value {@code json.loads} reads and {@code json.dumps} writes.
     */
    public static final int MAX_NESTING_DEPTH = 100;

    /**
     * Evaluation steps per {@code evaluate} or {@code apply} call. A step is one statement, one
     * loop or comprehension iteration, one function or method call, one element that an
     * operation visits, compares or copies into a new collection, 1,024 characters of text that
     * an operation builds, searches or compares; for integers beyond the range of {@code long},
     * a charge that grows with the square of their size where the work does (multiplication,
     * division, conversion to and from text).
     */
    public static final long MAX_STEPS = 1_000_000L;

    /** Characters of a string, or elements of a list or map, that a single operation may build. */
    public static final int MAX_BUILT_SIZE = 10_000_000;

    /**
     * Characters of strings, elements of lists and maps and 64-bit words of integers that one
     * {@code evaluate} or {@code apply} call may build in total, all operations together
     * (what it builds and drops counts too): bounds the memory of one evaluation.
     */
    public static final long MAX_ALLOCATED = 50_000_000L;

    /**
     * Steps between two questions to the {@link EvaluationGuard} (the run's deadline and
     * cancellation reach inside an evaluation this often).
     */
    public static final int GUARD_INTERVAL = 1_024;

    /**
     * Calls of a transform's own functions ({@code def}, {@code lambda}) running inside one
     * another: deeper recursion fails naming this limit.
     */
    public static final int MAX_CALL_DEPTH = 200;

    /**
     * Steps a regular expression of the {@code re} module may take, counted as characters its
     * matcher reads (one evaluation step per 32): bounds backtracking; the steps count toward
     * {@link #MAX_STEPS} too.
     */
    public static final long MAX_REGEX_STEPS = 10_000_000L;

    /** Largest absolute exponent of {@code int ** int}. */
    public static final int MAX_POWER_EXPONENT = 10_000;

    /**
     * Bits of an integer result. Integers that leave the range of {@code long} become
     * {@link java.math.BigInteger} (never wrap); beyond this size an operation fails.
     */
    public static final int MAX_INTEGER_BITS = 65_536;

    private ExpressionLimits() {
    }
}
