package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writing into lists and dicts ({@code d[k] = v}, {@code lst[i] = v}, slices, {@code del},
 * {@code op=}): Python's semantics and aliasing, and values from the state copied on the first
 * write, never changed.
 */
class ItemAssignmentTest {

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void dictItemsAreSetChangedAndDeleted() {
        Map<String, Object> out = run(lines(
                "d = {'a': 1}",
                "d['b'] = [1, 2]",
                "d['b'][0] = 9",
                "d['a'] += 5",
                "d[1] = 'one'",
                "d[1.0] = 'uno'",     // 1 and 1.0 are one key: the first key stays
                "d[True] = 'yes'",
                "del d['a']",
                "n = {'x': {}}",
                "n['x']['y'] = 2",
                "n.x['z'] = 3"));
        assertThat(out.get("d")).isEqualTo(map("b", List.of(9L, 2L), 1L, "yes"));
        assertThat(out.get("n")).isEqualTo(map("x", map("y", 2L, "z", 3L)));
    }

    @Test
    void listItemsAndSlicesAreSetAsInPython() {
        Map<String, Object> out = run(lines(
                "a = [1, 2, 3, 4, 5, 6]",
                "a[-1] = 60",
                "a[0] += 10",
                "a[1:3] = ['x']",
                "del a[0]",
                "b = list(range(10))",
                "b[::3] = [0, 0, 0, 0]",
                "del b[1::2]",
                "c = [1, 2, 3]",
                "c[5:1] = [9]",      // an empty slice inserts where it starts
                "c[:] = c + c",
                "e = [0, 1]",
                "e[0:1] += [5]"));
        assertThat(out.get("a")).isEqualTo(List.of("x", 4L, 5L, 60L));
        assertThat(out.get("b")).isEqualTo(List.of(0L, 2L, 4L, 0L, 8L));
        assertThat(out.get("c")).isEqualTo(List.of(1L, 2L, 3L, 9L, 1L, 2L, 3L, 9L));
        assertThat(out.get("e")).isEqualTo(List.of(0L, 5L, 1L));
    }

    @Test
    void aliasesSeeTheChangeAsInPython() {
        Map<String, Object> out = run(lines(
                "a = []",
                "b = a",
                "b.append(1)",
                "b += [2]",          // in place: a sees it
                "b[0] = 'first'",
                "m = {'k': a}",
                "m['k'].append(3)",
                "c = [1]",
                "d = c",
                "c = c + [2]",       // a new list: d keeps the old one
                "def fill(target):",
                "    target['filled'] = True",
                "box = {}",
                "fill(box)"));
        assertThat(out.get("a")).isEqualTo(List.of("first", 2L, 3L));
        assertThat(out.get("d")).isEqualTo(List.of(1L));
        assertThat(out.get("box")).isEqualTo(Map.of("filled", true));
    }

    @Test
    void aValueFromTheStateIsCopiedOnTheFirstWriteAndNeverChanged() {
        List<Object> rows = List.of(new LinkedHashMap<>(Map.of("a", 1)), new LinkedHashMap<>(Map.of("a", 2)));
        Map<String, Object> cfg = new LinkedHashMap<>(Map.of("inner", new ArrayList<>(List.of(1, 2))));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rows", rows);
        state.put("cfg", cfg);
        state.put("other", List.of(1));
        Map<String, Object> out = TransformProgram.parse(lines(
                "first = rows[0]",
                "for r in rows:",
                "    r['a'] += 10",   // changes the state's rows, as Python would: rows is written
                "alias = cfg",
                "cfg['inner'][0] = 'z'",
                "seen = alias['inner'][0]",
                "kept = other")).apply(state);
        assertThat(out.get("rows")).isEqualTo(List.of(Map.of("a", 11L), Map.of("a", 12L)));
        assertThat(out.get("first")).isEqualTo(Map.of("a", 11L));
        assertThat(out.get("cfg")).isEqualTo(Map.of("inner", List.of("z", 2)));
        assertThat(out.get("seen")).isEqualTo("z");
        assertThat(out).doesNotContainKey("other");
        // the caller's values are untouched
        assertThat(rows).isEqualTo(List.of(Map.of("a", 1), Map.of("a", 2)));
        assertThat(cfg).isEqualTo(Map.of("inner", List.of(1, 2)));
    }

    @Test
    void aFunctionChangesTheStateValueItIsGiven() {
        Map<String, Object> out = run(lines(
                "def mark(items):",
                "    for it in items:",
                "        it['seen'] = True",
                "    return len(items)",
                "n = mark(rows)"), "rows", List.of(Map.of("id", 1)));
        assertThat(out).isEqualTo(Map.of("n", 1L, "rows", List.of(Map.of("id", 1, "seen", true))));
    }

    @Test
    void aConditionNeverChangesTheState() {
        List<Object> xs = new ArrayList<>(List.of(1));
        assertThat(Expression.parse("xs.append(2)").evaluate(Eval.state("xs", xs))).isNull();
        assertThat(xs).containsExactly(1);
    }

    @Test
    void badWritesFailWithPythonsErrors() {
        assertThatThrownBy(() -> run("a = [1]\na[3] = 0")).hasMessageContaining("IndexError: list assignment index out of range")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> run("a = [1]\ndel a[-2]")).hasMessageContaining("IndexError: list assignment index out of range");
        assertThatThrownBy(() -> run("a = [1]\na['x'] = 0")).hasMessageContaining("TypeError: list indices must be integers or slices, not str");
        assertThatThrownBy(() -> run("t = (1, 2)\nt[0] = 0")).hasMessageContaining("TypeError: 'tuple' object does not support item assignment");
        assertThatThrownBy(() -> run("s = 'ab'\ns[0] = 'x'")).hasMessageContaining("TypeError: 'str' object does not support item assignment");
        assertThatThrownBy(() -> run("s = 'ab'\ndel s[0]")).hasMessageContaining("TypeError: 'str' object doesn't support item deletion");
        assertThatThrownBy(() -> run("missing[0] = 1")).hasMessageContaining("TypeError: 'NoneType' object does not support item assignment");
        assertThatThrownBy(() -> run("d = {}\nd[[1]] = 0")).hasMessageContaining("TypeError: unhashable type: 'list'");
        assertThatThrownBy(() -> run("d = {}\ndel d['k']")).hasMessageContaining("KeyError: 'k'");
        assertThatThrownBy(() -> run("d = {}\nd[1:2] = [0]")).hasMessageContaining("TypeError: unhashable type: 'slice'");
        assertThatThrownBy(() -> run("a = [0] * 4\na[::2] = [1]"))
                .hasMessageContaining("ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
        assertThatThrownBy(() -> run("a = [0]\na[0:1] = 5")).hasMessageContaining("TypeError: 'int' object is not iterable");
        assertThatThrownBy(() -> run("d = {'a': 1}\nfor k in d:\n    d[k + 'x'] = 1"))
                .hasMessageContaining("RuntimeError: dictionary changed size during iteration");
        // a missing key reads None (the language's rule): None + 1 is the TypeError
        assertThat(run("d = {}\ntry:\n    d['x'] += 1\nexcept TypeError:\n    d = 'caught'")).containsEntry("d", "caught");
    }

    @Test
    void writesStayWithinTheLimits() {
        assertThatThrownBy(() -> run("d = {}\ni = 0\nwhile True:\n    d[i % 10] = i\n    i += 1"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> run("a = [0]\na[0:0] = range(20000000)"))
                .hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
        assertThatThrownBy(() -> run("a = [0] * 1000\nwhile True:\n    a += a"))
                .hasMessageContaining("ExpressionLimits.MAX_");
    }

    @Test
    void methodsThatChangeListsAndDicts() {
        Map<String, Object> out = run(lines(
                "a = [3, 1, 2]",
                "last = a.pop()",
                "a.insert(0, 9)",
                "a.insert(-1, 7)",
                "a.remove(9)",
                "a.sort(reverse=True)",
                "words = ['bb', 'a', 'ccc']",
                "words.sort(key=len)",
                "b = a.copy()",
                "b.reverse()",
                "d = {'x': 1}",
                "d.update({'y': 2}, z=3)",
                "got = d.pop('x')",
                "dflt = d.pop('q', 0)",
                "sd = d.setdefault('w', [])",
                "sd.append(1)",      // the value setdefault put in is the one in d
                "e = d.copy()",
                "e.clear()"));
        assertThat(out).containsEntry("last", 2L).containsEntry("a", List.of(7L, 3L, 1L))
                .containsEntry("words", List.of("a", "bb", "ccc")).containsEntry("b", List.of(1L, 3L, 7L))
                .containsEntry("got", 1L).containsEntry("dflt", 0L).containsEntry("e", Map.of());
        assertThat(out.get("d")).isEqualTo(map("y", 2L, "z", 3L, "w", List.of(1L)));
        // on a value from the state: copied, and the key written
        assertThat(run("v = xs.pop()", "xs", List.of(1, 2))).isEqualTo(Map.of("v", 2L, "xs", List.of(1)));
        assertThat(run("cfg.update(b=2)", "cfg", Map.of("a", 1))).isEqualTo(Map.of("cfg", Map.of("a", 1, "b", 2L)));
        assertThatThrownBy(() -> run("a = []\na.pop()")).hasMessageContaining("IndexError: pop from empty list");
        assertThatThrownBy(() -> run("a = [1]\na.remove(5)")).hasMessageContaining("ValueError: list.remove(x): x not in list");
        assertThatThrownBy(() -> run("d = {}\nd.pop('k')")).hasMessageContaining("KeyError: 'k'");
        assertThatThrownBy(() -> run("a = [1]\na.sort(1)")).hasMessageContaining("sort() takes no arguments (1 given)");
    }

    @Test
    void moreStringMethods() {
        assertThat(Eval.eval("['hello wORLD 1st'.title(), 'hELLO'.capitalize(), '  x '.lstrip(), 'xyy'.rstrip('y'),"
                + " 'abc'.find('c'), 'abc'.find('z'), '12'.isdigit(), ''.isdigit(), 'ab'.isalpha(), ' '.isspace(),"
                + " '-42'.zfill(5)]")).isEqualTo(List.of("Hello World 1St", "Hello", "x ", "x", 2L, -1L, true, false,
                true, true, "-0042"));
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
