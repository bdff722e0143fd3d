package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.run;
import static dev.victor.workflow.expr.Eval.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformProgramTest {

    @Test
    void assignmentsAreReturnedInFirstAssignmentOrder() {
        Map<String, Object> out = run("b = 1\na = 2\nb = 3");
        assertThat(out).containsExactly(Map.entry("b", 3L), Map.entry("a", 2L));
        assertThat(TransformProgram.parse("b = 1\na = 2\nb = 3").targets()).containsExactly("b", "a");
    }

    @Test
    void laterStatementsSeeEarlierAssignmentsThenTheState() {
        assertThat(run("x = x + 1\ny = x * 10", "x", 1)).isEqualTo(Map.of("x", 2L, "y", 20L));
        assertThat(run("y = x\nx = 5\nz = ctx.get('x')\nw = ctx.x", "x", 1))
                .isEqualTo(Map.of("y", 1L, "x", 5L, "z", 5L, "w", 5L));
        assertThat(run("n = None\nm = n is None", "n", 3)).isEqualTo(state("n", null, "m", true));
    }

    @Test
    void theStateIsNotChanged() {
        Map<String, Object> inner = new HashMap<>(Map.of("b", 1));
        List<Object> list = new ArrayList<>(List.of(1));
        Map<String, Object> s = new HashMap<>(Map.of("a", inner, "xs", list, "n", 1));
        Map<String, Object> out = TransformProgram.parse("a.c = 2\nn += 1\nys = xs + [2]\nxs = xs * 2").apply(s);
        assertThat(out).isEqualTo(Map.of("a", Map.of("b", 1, "c", 2L), "n", 2L, "ys", List.of(1, 2L),
                "xs", List.of(1, 1)));
        assertThat(inner).isEqualTo(Map.of("b", 1));
        assertThat(list).containsExactly(1);
        assertThat(s).isEqualTo(Map.of("a", Map.of("b", 1), "xs", List.of(1), "n", 1));
    }

    @Test
    void dottedTargetsCopyTheMap() {
        assertThat(run("a.b = 1", "a", Map.of("x", 0))).isEqualTo(Map.of("a", Map.of("x", 0, "b", 1L)));
        assertThat(run("a.b.c = 1")).isEqualTo(Map.of("a", Map.of("b", Map.of("c", 1L))));
        assertThat(run("a.b.c = 1\na.b.d = 2\na.e = 3")).isEqualTo(
                Map.of("a", Map.of("b", Map.of("c", 1L, "d", 2L), "e", 3L)));
        assertThat(run("a.n += 1", "a", Map.of("n", 1))).isEqualTo(Map.of("a", Map.of("n", 2L)));
        assertThat(run("ctx.total = 3")).isEqualTo(Map.of("total", 3L));
        assertThat(TransformProgram.parse("a.b.c = 1\nd = 2").targets()).containsExactly("a", "d");
        assertThatThrownBy(() -> run("a.b = 1", "a", List.of()))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("cannot set 'b' on a value of type 'list'")
                .hasMessageContaining("line 1, column 1");
    }

    @Test
    void augmentedAssignment() {
        assertThat(run("n += 2\nn -= 1\nn *= 10\nn //= 3\nn %= 4\nn **= 3\nn /= 2", "n", 1)).isEqualTo(Map.of("n", 4.0));
        assertThat(run("s += '!'", "s", "hi")).isEqualTo(Map.of("s", "hi!"));
        assertThat(run("xs += [3]", "xs", List.of(1, 2))).isEqualTo(Map.of("xs", List.of(1, 2, 3L)));
        assertThatThrownBy(() -> run("n += 1")).hasMessageContaining("unsupported operand type(s) for +: 'NoneType' and 'int'");
    }

    @Test
    void forLoopsWithLocalVariables() {
        Map<String, Object> out = run("total = 0\nfor x in xs:\n  total += x\n  last = x", "xs", List.of(1, 2, 3));
        assertThat(out).isEqualTo(Map.of("total", 6L, "last", 3L));
        assertThat(out).doesNotContainKey("x");
        assertThat(run("s = ''\nfor k, v in d.items():\n  s = s + k + str(v)", "d", Map.of("a", 1))).isEqualTo(Map.of("s", "a1"));
        assertThat(run("n = 0\nfor (a, b) in [(1, 2), (3, 4)]:\n  n += a * b")).isEqualTo(Map.of("n", 14L));
        assertThat(run("n = 0\nfor i in range(3): n += i")).isEqualTo(Map.of("n", 3L));
        assertThat(run("out = []\nfor i in range(2):\n  for j in range(2):\n    out.append((i, j))\nafter = len(out)"))
                .isEqualTo(Map.of("out", List.of(List.of(0L, 0L), List.of(0L, 1L), List.of(1L, 0L), List.of(1L, 1L)),
                        "after", 4L).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> run("out = []\nfor i in range(2):\n  for j in range(2):\n"
                                        + "    out.append((i, j))\nafter = len(out)").get(e.getKey()))));
        assertThat(PyValues.str(run("out = []\nfor i in range(2):\n  for j in range(2):\n    out.append((i, j))").get("out")))
                .isEqualTo("[(0, 0), (0, 1), (1, 0), (1, 1)]");
        // the loop variable does not leak: after the loop the name reads the state again
        assertThat(run("for x in [1, 2]:\n  y = x\nz = x", "x", "state")).isEqualTo(Map.of("y", 2L, "z", "state"));
        assertThat(run("n = 0\nfor x in []:\n  n = 1")).isEqualTo(Map.of("n", 0L));
        assertThat(TransformProgram.parse("for x in []:\n  n = 1").apply(Map.of())).isEmpty();
        assertThat(TransformProgram.parse("for x in []:\n  n = 1").targets()).containsExactly("n");
    }

    @Test
    void aListFromTheStateIsCopiedOnTheFirstAppend() {
        assertThat(run("xs = []\nxs.append(1)\nxs.extend([2, 3])")).isEqualTo(Map.of("xs", List.of(1L, 2L, 3L)));
        assertThat(run("ys = list(xs)\nys.append(4)", "xs", List.of(1))).isEqualTo(Map.of("ys", List.of(1, 4L)));
        assertThat(run("ys = xs + []\nys.append(4)", "xs", List.of(1))).isEqualTo(Map.of("ys", List.of(1, 4L)));
        assertThat(run("ys = sorted(xs)\nys.append(0)", "xs", List.of(2, 1))).isEqualTo(Map.of("ys", List.of(1, 2, 0L)));
        assertThat(run("ys = [x for x in xs]\nys.append(0)", "xs", List.of(2))).isEqualTo(Map.of("ys", List.of(2, 0L)));
        List<Object> state = new ArrayList<>(List.of(0));
        assertThat(run("xs.append(1)", "xs", state)).isEqualTo(Map.of("xs", List.of(0, 1L)));
        assertThat(state).containsExactly(0);
        // every name bound to the state's list sees the change, as in Python
        assertThat(run("ys = xs\nys.extend([1])", "xs", new ArrayList<>()))
                .isEqualTo(Map.of("xs", List.of(1L), "ys", List.of(1L)));
        // a list inside a state value: the value is copied around it and written
        Map<String, Object> d = Map.of("items", List.of(), "n", 1);
        assertThat(run("d.items.append(1)", "d", d)).isEqualTo(Map.of("d", Map.of("items", List.of(1L), "n", 1)));
        assertThat(d.get("items")).isEqualTo(List.of());
        // a list the program returned, passed back in as state, is the state's now: copied too
        Map<String, Object> first = run("xs = [1]");
        assertThat(TransformProgram.parse("xs.append(2)").apply(first)).isEqualTo(Map.of("xs", List.of(1L, 2L)));
        assertThat(first.get("xs")).isEqualTo(List.of(1L));
    }

    @Test
    void runtimeErrorsGiveTheLine() {
        assertThatThrownBy(() -> run("a = 1\nb = 2\nc = a / 0"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("ZeroDivisionError: division by zero (line 3, column 7)");
        assertThatThrownBy(() -> run("for x in 5:\n  y = x"))
                .hasMessage("TypeError: 'int' object is not iterable (line 1, column 1)");
        assertThatThrownBy(() -> run("for a, b in [1]:\n  y = a"))
                .hasMessageContaining("cannot unpack non-iterable int object");
    }

    @Test
    void programsAreReusableAndIndependent() {
        TransformProgram p = TransformProgram.parse("out = []\nfor x in xs:\n  out.append(x * 2)");
        assertThat(p.apply(state("xs", List.of(1)))).isEqualTo(Map.of("out", List.of(2L)));
        assertThat(p.apply(state("xs", List.of(2, 3)))).isEqualTo(Map.of("out", List.of(4L, 6L)));
        assertThat(p.text()).startsWith("out = []");
        assertThat(p.toString()).isEqualTo(p.text());
    }

    @Test
    void layout() {
        String text = "\n# leading comment\n\nx = 1  # trailing\n\n\ny = [\n  1,\n\n  2,  # inside\n]\nz = x + \\\n  1\n";
        assertThat(run(text)).isEqualTo(Map.of("x", 1L, "y", List.of(1L, 2L), "z", 2L));
        assertThat(run("x = 1\r\ny = 2\r\n")).isEqualTo(Map.of("x", 1L, "y", 2L));
        assertThat(run("for x in xs:\n\tn = x\n", "xs", List.of(7))).isEqualTo(Map.of("n", 7L));
        assertThat(run("t = 1, 2")).satisfies(m -> assertThat(PyValues.str(m.get("t"))).isEqualTo("(1, 2)"));
        assertThat(run("s = '''a\nb'''")).isEqualTo(Map.of("s", "a\nb"));
    }
}
