package dev.victor.workflow.expr.internal;

import java.util.Map;
import java.util.Set;

/** The statements that hold blocks, and {@code raise}: as in Python. */
final class Compound {
    private Compound() {
    }

    static void run(Ctx c, Statement[] block) {
        for (Statement s : block) {
            s.exec(c);
        }
    }

    /** {@code if}/{@code elif}/{@code else}: the first true condition's block, else orelse (may be empty). */
    record If(Node[] conditions, Statement[][] blocks, Statement[] orelse, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
            } catch (PyException e) {
                throw e.at(line, col);
            }
            for (int i = 0; i < conditions.length; i++) {
                if (Values.truthy(conditions[i].eval(c))) {
                    run(c, blocks[i]);
                    return;
                }
            }
            run(c, orelse);
        }
    }

    /** {@code while condition:}: every round counts a step, so MAX_STEPS and the run's deadline reach it. */
    record While(Node condition, Statement[] body, Statement[] orelse, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            while (true) {
                try {
                    c.step();
                } catch (PyException e) {
                    throw e.at(line, col);
                }
                if (!Values.truthy(condition.eval(c))) {
                    run(c, orelse);
                    return;
                }
                try {
                    run(c, body);
                } catch (Flow.Continue next) {
                    continue;
                } catch (Flow.Break done) {
                    return;
                }
            }
        }
    }

    /** {@code def name(params):} binds name to a new function (defaults computed now). */
    record Def(Statement.Target target, PyFunction.Code code, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                Object[] defaults = new Object[code.defaultNodes().length];
                for (int i = 0; i < defaults.length; i++) {
                    defaults[i] = code.defaultNodes()[i].eval(c);
                }
                Statement.store(c, target, new PyFunction(code, defaults, c.locals));
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** One {@code except} clause: the kinds it catches (none: all), the name it binds (or null), its block. */
    record Handler(String[] kinds, Statement.Target name, Statement[] body) {
        boolean catches(String kind) {
            if (kinds.length == 0) {
                return true;
            }
            for (String k : kinds) {
                if (Errors.isA(kind, k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code try}/{@code except}/{@code else}/{@code finally} over the language's errors (never a broken limit). */
    record Try(Statement[] body, Handler[] handlers, Statement[] orelse, Statement[] fin) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                boolean completed = false;
                try {
                    run(c, body);
                    completed = true;
                } catch (PyException e) {
                    if (!e.catchable()) {
                        throw e;
                    }
                    handle(c, e);
                }
                if (completed) {
                    run(c, orelse);
                }
            } finally {
                if (fin.length > 0) {
                    run(c, fin);
                }
            }
        }

        private void handle(Ctx c, PyException e) {
            for (Handler h : handlers) {
                if (h.catches(e.kind())) {
                    if (h.name() != null) {
                        Statement.store(c, h.name(), new PyError(e.kind(), e.detail()));
                    }
                    c.handling(e);
                    try {
                        run(c, h.body());
                    } finally {
                        c.handled();
                        if (h.name() instanceof Statement.GlobalName g) {
                            c.forget(g.root());
                        } else if (h.name() instanceof Statement.LocalName l) {
                            c.locals[l.slot()] = null;
                        }
                    }
                    return;
                }
            }
            throw e;
        }
    }

    /** {@code raise}, {@code raise Kind}, {@code raise Kind("message")} or {@code raise error}. */
    record Raise(Node exception, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                if (exception == null) {
                    PyException current = c.current();
                    if (current == null) {
                        throw PyException.of("RuntimeError", "No active exception to reraise");
                    }
                    throw current;
                }
                Object v = exception.eval(c);
                if (v instanceof PyError err) {
                    throw PyException.of(err.kind(), err.message());
                }
                throw PyException.type("exceptions must derive from BaseException");
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** {@code assert condition[, message]}. */
    record Assert(Node condition, Node message, int line, int col) implements Statement {
        @Override
        public void exec(Ctx c) {
            try {
                c.step();
                if (!Values.truthy(condition.eval(c))) {
                    throw PyException.of("AssertionError", message == null ? "" : Repr.str(c, message.eval(c)));
                }
            } catch (PyException e) {
                throw e.at(line, col);
            }
        }
    }

    /** The exception kinds a program may name, and which contains which. */
    static final class Errors {
        private static final Map<String, String> PARENT = Map.ofEntries(
                Map.entry("Exception", "BaseException"),
                Map.entry("ArithmeticError", "Exception"),
                Map.entry("LookupError", "Exception"),
                Map.entry("ValueError", "Exception"),
                Map.entry("TypeError", "Exception"),
                Map.entry("NameError", "Exception"),
                Map.entry("AttributeError", "Exception"),
                Map.entry("RuntimeError", "Exception"),
                Map.entry("AssertionError", "Exception"),
                Map.entry("KeyError", "LookupError"),
                Map.entry("IndexError", "LookupError"),
                Map.entry("ZeroDivisionError", "ArithmeticError"),
                Map.entry("OverflowError", "ArithmeticError"),
                Map.entry("UnboundLocalError", "NameError"),
                Map.entry("RecursionError", "RuntimeError"),
                Map.entry("NotImplementedError", "RuntimeError"),
                Map.entry("JSONDecodeError", "ValueError"),
                Map.entry("StatisticsError", "ValueError"));

        /** Every name {@code except} and {@code raise} accept. */
        static final Set<String> NAMES;

        static {
            java.util.TreeSet<String> names = new java.util.TreeSet<>(PARENT.keySet());
            names.add("BaseException");
            NAMES = java.util.Collections.unmodifiableSet(names);
        }

        private Errors() {
        }

        /** Whether an error of kind is caught by a clause naming clause. */
        static boolean isA(String kind, String clause) {
            for (String k = kind; k != null; k = PARENT.get(k)) {
                if (k.equals(clause)) {
                    return true;
                }
            }
            return clause.equals("Exception") || clause.equals("BaseException");
        }
    }
}
