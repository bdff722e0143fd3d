package dev.victor.workflow.expr.internal;

import java.util.Arrays;

/**
 * A function the program defined ({@code def} or {@code lambda}): its code, the values of its
 * default arguments (computed when it was defined) and the frame it was defined in. A function is
 * a value of the program only: it never reaches the state.
 */
public record PyFunction(Code code, Object[] defaults, Object[] enclosing) {

    /**
     * What {@code def} or {@code lambda} parsed: the parameters and their slots, how many have
     * defaults (the last ones), the body (a lambda's is one {@code return}) and the frame size.
     */
    public record Code(String name, String[] params, int[] paramSlots, Node[] defaultNodes, Statement[] body,
            int frameSize) {
    }

    /** Calls the function with positional and keyword arguments. */
    Object call(Ctx c, Object[] args, String[] keywordNames, Object[] keywordValues) {
        Object[] frame = new Object[code.frameSize()];
        frame[0] = enclosing;
        bind(frame, args, keywordNames, keywordValues);
        c.allocate(frame.length);
        c.enterCall();
        Object[] caller = c.locals;
        c.locals = frame;
        try {
            for (Statement s : code.body()) {
                s.exec(c);
            }
            return null;
        } catch (Flow.Return r) {
            return r.value();
        } finally {
            c.locals = caller;
            c.leaveCall();
        }
    }

    private void bind(Object[] frame, Object[] args, String[] keywordNames, Object[] keywordValues) {
        String[] params = code.params();
        String name = code.name();
        if (args.length > params.length) {
            throw PyException.type(name + "() takes " + params.length + " positional argument"
                    + (params.length == 1 ? "" : "s") + " but " + args.length + (args.length == 1 ? " was" : " were")
                    + " given");
        }
        boolean[] bound = new boolean[params.length];
        for (int i = 0; i < args.length; i++) {
            frame[code.paramSlots()[i]] = args[i];
            bound[i] = true;
        }
        for (int k = 0; k < keywordNames.length; k++) {
            int i = Arrays.asList(params).indexOf(keywordNames[k]);
            if (i < 0) {
                throw PyException.type(name + "() got an unexpected keyword argument '" + keywordNames[k] + "'");
            }
            if (bound[i]) {
                throw PyException.type(name + "() got multiple values for argument '" + keywordNames[k] + "'");
            }
            frame[code.paramSlots()[i]] = keywordValues[k];
            bound[i] = true;
        }
        int firstDefault = params.length - defaults.length;
        for (int i = 0; i < params.length; i++) {
            if (!bound[i]) {
                if (i < firstDefault) {
                    throw PyException.type(name + "() missing 1 required positional argument: '" + params[i] + "'");
                }
                frame[code.paramSlots()[i]] = defaults[i - firstDefault];
            }
        }
    }

    @Override
    public String toString() {
        return "<function " + code.name() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
