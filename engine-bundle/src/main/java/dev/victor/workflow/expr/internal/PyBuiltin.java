package dev.victor.workflow.expr.internal;

/**
 * A built-in function used as a value ({@code sorted(xs, key=len)}, {@code f = abs}): calling it
 * calls the built-in. Like the program's functions it stays in the program (it is never written
 * to the state).
 */
public record PyBuiltin(Builtin function) {
    /** One value per built-in, so that {@code len is len}, as in Python. */
    private static final java.util.Map<Builtin, PyBuiltin> VALUES;

    static {
        java.util.Map<Builtin, PyBuiltin> all = new java.util.EnumMap<>(Builtin.class);
        for (Builtin f : Builtin.values()) {
            all.put(f, new PyBuiltin(f));
        }
        VALUES = java.util.Collections.unmodifiableMap(all);
    }

    static PyBuiltin of(Builtin function) {
        return VALUES.get(function);
    }

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
