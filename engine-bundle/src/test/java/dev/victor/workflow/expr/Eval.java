package dev.victor.workflow.expr;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: build states, evaluate, run programs. */
final class Eval {
    private Eval() {
    }

    /** A state from key, value pairs (values may be null). */
    static Map<String, Object> state(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Object eval(String expression, Object... kv) {
        return Expression.parse(expression).evaluate(state(kv));
    }

    /** str() of the result, which makes Python-style assertions short. */
    static String show(String expression, Object... kv) {
        return PyValues.str(eval(expression, kv));
    }

    static Map<String, Object> run(String program, Object... kv) {
        return TransformProgram.parse(program).apply(state(kv));
    }
}
