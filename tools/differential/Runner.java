import dev.victor.workflow.expr.Expression;
import dev.victor.workflow.expr.ExpressionEvaluationException;
import dev.victor.workflow.expr.ExpressionSyntaxException;
import dev.victor.workflow.expr.TransformProgram;
import dev.victor.workflow.expr.internal.Ctx;
import dev.victor.workflow.expr.internal.ProgramParser;
import dev.victor.workflow.expr.internal.PyException;
import dev.victor.workflow.expr.internal.PyFunction;
import dev.victor.workflow.expr.internal.Statement;
import dev.victor.workflow.expr.internal.Values;
import java.io.BufferedReader;
import java.util.LinkedHashMap;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Java side of the differential check: reads one case per line (JSON written by
 * differential.py: kind, text, state), evaluates it with the project's evaluator and prints one
 * line per case: "ok <canonical value>" or "error <Python exception name>". The JSON of a case is
 * read with the language's own json.loads.
 */
public final class Runner {
    private static final TransformProgram READ = TransformProgram.parse(
            "import json\ncase = json.loads(line)");

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            Map<?, ?> c = (Map<?, ?>) READ.apply(Map.of("line", line)).get("case");
            out.println(run((String) c.get("kind"), (String) c.get("text"), (Map<String, ?>) c.get("state"))
                    .replace("\n", "\\n"));
        }
        out.flush();
    }

    private static String run(String kind, String text, Map<String, ?> state) {
        try {
            if (kind.equals("expr")) {
                return "ok " + canonical(Expression.parse(text).evaluate(state));
            }
            TransformProgram.parse(text);
            return "ok " + canonical(new TreeMap<>(rawResult(text, state)));
        } catch (ExpressionSyntaxException e) {
            return "error SyntaxError " + e.getMessage();
        } catch (ExpressionEvaluationException e) {
            String m = e.getMessage();
            int colon = m.indexOf(':');
            return "error " + (colon < 0 ? m : m.substring(0, colon)) + " " + m;
        } catch (RuntimeException | StackOverflowError e) {
            return "error JAVA " + e;
        }
    }

    /**
     * What the program assigns, before sets become lists for the state (Python's sets have no
     * order to compare with): the same statements TransformProgram.apply runs, on the same Ctx.
     */
    private static Map<String, Object> rawResult(String text, Map<String, ?> state) {
        ProgramParser.Parsed parsed = ProgramParser.parse(text);
        LinkedHashMap<String, Object> assigned = new LinkedHashMap<>();
        Ctx c = new Ctx(state, assigned, parsed.slots());
        try {
            for (Statement s : parsed.statements()) {
                s.exec(c);
            }
        } catch (PyException e) {
            throw e.toPublic();
        } catch (StackOverflowError e) {
            throw new ExpressionEvaluationException("RecursionError: a value nests too deeply");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        assigned.forEach((k, v) -> {
            if (!(v instanceof PyFunction)) {
                out.put(k, Values.normalize(v));
            }
        });
        return out;
    }

    /** The canonical text of a value: what differential.py's canonical() writes for the same Python value. */
    static String canonical(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        String cls = v == null ? "" : v.getClass().getSimpleName();
        if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
            b.append(dev.victor.workflow.expr.internal.Repr.repr(v));
        } else if (cls.equals("PySet")) {
            List<String> items = new ArrayList<>();
            for (Object o : (Collection<?>) v) {
                items.add(canonical(o));
            }
            items.sort(null);
            b.append("set{").append(String.join(", ", items)).append('}');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ", ");
                first = false;
                write(b, e.getKey());
                b.append(": ");
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            boolean tuple = cls.equals("PyTuple");
            b.append(tuple ? '(' : '[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(b, l.get(i));
            }
            b.append(tuple && l.size() == 1 ? "," : "").append(tuple ? ')' : ']');
        } else if (v instanceof Set<?>) {
            b.append("<set>");
        } else {
            b.append('<').append(cls).append('>');
        }
    }
}
