package dev.victor.workflow.expr.internal;

/**
 * How {@code break}, {@code continue} and {@code return} leave the statements they are in: thrown
 * and caught by the loop or the call, never by the program's {@code try}. Without stack traces.
 */
abstract sealed class Flow extends RuntimeException permits Flow.Break, Flow.Continue, Flow.Return {
    private static final long serialVersionUID = 1L;

    static final Break BREAK = new Break();
    static final Continue CONTINUE = new Continue();

    Flow() {
        super(null, null, false, false);
    }

    static final class Break extends Flow {
        private static final long serialVersionUID = 1L;
    }

    static final class Continue extends Flow {
        private static final long serialVersionUID = 1L;
    }

    /** {@code return value}. */
    static final class Return extends Flow {
        private static final long serialVersionUID = 1L;
        private final transient Object value;

        Return(Object value) {
            this.value = value;
        }

        Object value() {
            return value;
        }
    }
}
