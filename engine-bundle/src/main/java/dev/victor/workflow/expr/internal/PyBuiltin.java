package dev.victor.workflow.expr.internal;

/**
 * A built-in function used as a value ({@code sorted(xs, key=len)}, {@code f = abs}): calling it
 * calls the built-in. Like the program's functions it stays in the program (it is never written
 * to the state).
 */
public record PyBuiltin(Builtin function) {
    /** The built-ins that cannot be values: they are read when the program is parsed. */
    static boolean usable(Builtin f) {
        return f != Builtin.ISINSTANCE && f != Builtin.LOCALS && f != Builtin.GLOBALS;
    }

    Object call(Ctx c, Object[] args, String[] keywordNames, Object[] keywordValues) {
        String problem = function.checkCall(args.length, java.util.Arrays.asList(keywordNames));
        if (problem != null) {
            throw PyException.type(problem);
        }
        return Builtins.call(c, function, args, keywordNames, keywordValues);
    }
}
