package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.run;
import static dev.victor.workflow.expr.Eval.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imported modules, isinstance, sets and f-strings: results as CPython 3.11 gives them. */
class ModulesAndValuesTest {

    private static String value(String imports, String expression, Object... kv) {
        return PyValues.str(run(imports + "\nresult = " + expression, kv).get("result"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "math.comb(10, 3)                 | 120",
        "math.sqrt(2)                     | 1.4142135623730951",
        "math.floor(-2.5)                 | -3",
        "math.ceil(2.1)                   | 3",
        "math.log(8, 2)                   | 3.0",
        "math.exp(1)                      | 2.718281828459045",
        "math.log10(1000)                 | 3.0",
        "math.pi                          | 3.141592653589793",
        "math.inf > 10 ** 300             | True",
        "statistics.mean([1, 2, 3, 4])    | 2.5",
        "statistics.mean([1, 2, 3])       | 2",
        "statistics.median([3, 1, 2, 4])  | 2.5",
        "statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9])  | 2.138089935299395",
        "statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]) | 2.0",
        "statistics.variance([1, 2, 3, 4]) | 1.6666666666666667",
    })
    void mathAndStatistics(String expression, String expected) {
        assertThat(value("import math\nimport statistics", expression)).isEqualTo(expected);
    }

    @Test
    void moduleErrorsAreCPythons() {
        assertThatThrownBy(() -> run("import math\nx = math.sqrt(-1)")).hasMessageContaining("ValueError: math domain error");
        assertThatThrownBy(() -> run("import statistics\nx = statistics.mean([])"))
                .hasMessageContaining("StatisticsError: mean requires at least one data point");
        assertThatThrownBy(() -> run("import math\nx = math.factorial(100000)"))
                .hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
        assertThat(run("import statistics\ntry:\n    x = statistics.stdev([1])\nexcept ValueError:\n    x = 0"))
                .containsEntry("x", 0L);
    }

    @Test
    void importFormsAndTheAllowList() {
        assertThat(run("from math import comb as c, sqrt\nimport statistics as st\nx = c(5, 2) + sqrt(16) + st.median([1, 9, 5])"))
                .containsEntry("x", 19.0);
        assertThatThrownBy(() -> TransformProgram.parse("import os"))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("import of 'os' is not allowed: the allowed modules are datetime, json, math, re,"
                        + " statistics, time");
        assertThatThrownBy(() -> TransformProgram.parse("from subprocess import run")).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> TransformProgram.parse("import math\nx = math.system('ls')"))
                .hasMessageContaining("module 'math' has no 'system' here (it has: ");
        assertThatThrownBy(() -> TransformProgram.parse("import math\nx = math")).hasMessageContaining("is not a value");
        assertThatThrownBy(() -> Expression.parse("math.sqrt(4)")).hasMessageContaining("unknown method 'sqrt'");
    }

    @Test
    void jsonDumpsAndLoadsLikeCPython() {
        assertThat(value("import json", "json.dumps({'a': [1, 2.5, None, True], 'é': 'ü'})"))
                .isEqualTo("{\"a\": [1, 2.5, null, true], \"\\u00e9\": \"\\u00fc\"}");
        assertThat(value("import json", "json.dumps({'b': 1, 'a': {}}, indent=2, sort_keys=True)"))
                .isEqualTo("{\n  \"a\": {},\n  \"b\": 1\n}");
        assertThat(value("import json", "json.loads(text)", "text", "{\"x\": [1, 2.0, null, false], \"y\": \"\\u00e9\"}"))
                .isEqualTo("{'x': [1, 2.0, None, False], 'y': 'é'}");
        assertThatThrownBy(() -> run("import json\nx = json.loads('{bad}')"))
                .hasMessageContaining("JSONDecodeError: Expecting property name enclosed in double quotes");
        assertThatThrownBy(() -> run("import json\nx = json.dumps({1, 2})"))
                .hasMessageContaining("TypeError: Object of type set is not JSON serializable");
        assertThat(run("import json\ntry:\n    x = json.loads('[1,')\nexcept ValueError:\n    x = 'bad'"))
                .containsEntry("x", "bad");
        assertThatThrownBy(() -> run("import json\nx = json.loads(t)", "t", "[".repeat(500) + "]".repeat(500)))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
    }

    @Test
    void regularExpressions() {
        assertThat(value("import re", "re.findall(r'(\\w)(\\d)', 'a1 b2 c')")).isEqualTo("[('a', '1'), ('b', '2')]");
        assertThat(value("import re", "re.sub(r'(\\w+)@(\\w+)', r'\\2 at \\1', 'me@home you@work')"))
                .isEqualTo("home at me work at you");
        assertThat(value("import re", "re.split(r'[,;]\\s*', 'a, b;c')")).isEqualTo("['a', 'b', 'c']");
        assertThat(run("import re\nm = re.match(r'(?P<key>\\w+)=(\\d+)', 'retries=3 rest')\n"
                + "key = m.group('key')\nn = int(m.group(2))\ng = m.groups()\nspan = m.span()\n"
                + "none = re.search(r'\\d', 'abc') is None\nup = re.sub(r'[a-z]', lambda m: m.group().upper(), 'ab1')"))
                .containsEntry("key", "retries").containsEntry("n", 3L).containsEntry("none", true)
                .containsEntry("up", "AB1");
        assertThatThrownBy(() -> TransformProgram.parse("import re\nx = re.match(r'\\p{L}', s)"))
                .hasMessageContaining("means something else");
    }

    @Test
    void aCatastrophicPatternEndsAtItsLimit() {
        assertThatThrownBy(() -> run("import re\nx = re.search(r'(.*)(.*)(.*)(.*)(.*)x', text)", "text", "a".repeat(300)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageMatching("(?s).*ExpressionLimits\\.MAX_(REGEX_)?STEPS.*");
    }

    @Test
    void theClock() {
        Map<String, Object> out = run("import time\nfrom datetime import datetime\nimport datetime as dt\n"
                + "t = time.time()\nnow = datetime.now().isoformat()\nutc = dt.datetime.utcnow().isoformat()\n"
                + "year = datetime.now().year\nback = datetime.fromisoformat('2025-01-31T12:30:00').isoformat(' ')");
        assertThat((Double) out.get("t")).isGreaterThan(1.7e9);
        assertThat((String) out.get("now")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
        assertThat((String) out.get("utc")).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat((Long) out.get("year")).isGreaterThanOrEqualTo(2025L);
        assertThat(out).containsEntry("back", "2025-01-31 12:30:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "isinstance(1, int)                | True",
        "isinstance(True, int)             | True",
        "isinstance(1, bool)               | False",
        "isinstance(1.0, int)              | False",
        "isinstance(1.0, (int, float))     | True",
        "isinstance('a', str)              | True",
        "isinstance([], list)              | True",
        "isinstance((), list)              | False",
        "isinstance((1,), tuple)           | True",
        "isinstance({}, dict)              | True",
        "isinstance(set(), set)            | True",
        "isinstance(None, (str, list))     | False",
        "isinstance(value, dict)           | True",
    })
    void isinstanceWithTheBuiltInTypes(String expression, String expected) {
        assertThat(show(expression, "value", Map.of("a", 1))).isEqualTo(expected);
    }

    @Test
    void sets() {
        assertThat(show("{3, 1, 3}")).isEqualTo("{3, 1}");
        assertThat(show("sorted({x % 3 for x in xs})", "xs", List.of(1, 2, 3, 4))).isEqualTo("[0, 1, 2]");
        assertThat(show("sorted({1, 2} | {2, 3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2}), sorted({1, 2} ^ {2, 3})"))
                .isEqualTo("([1, 2, 3], [2], [1], [1, 3])");
        assertThat(show("({1, 2} == {2, 1}, 1.0 in {1}, len(set('abca')), set(), {1} == [1])"))
                .isEqualTo("(True, True, 3, set(), False)");
        assertThat(run("s = set()\ns.add(2)\ns.add(1)\ns.add(2)\ns.discard(9)\nt = s.union([5])\nsub = s.issubset(t)"))
                .containsEntry("s", List.of(2L, 1L)).containsEntry("t", List.of(2L, 1L, 5L)).containsEntry("sub", true);
        assertThatThrownBy(() -> Eval.eval("{[1]}")).hasMessageContaining("TypeError: unhashable type: 'list'");
        assertThatThrownBy(() -> run("s = {1}\ns.remove(2)")).hasMessageContaining("KeyError: 2");
    }

    @Test
    void bitwiseOperators() {
        assertThat(show("(6 & 3, 6 | 3, 6 ^ 3, 1 << 70, -16 >> 2, True | False, 5 & True)"))
                .isEqualTo("(2, 7, 5, 1180591620717411303424, -4, True, 1)");
        assertThatThrownBy(() -> Eval.eval("1 << -1")).hasMessageContaining("ValueError: negative shift count");
        assertThatThrownBy(() -> Eval.eval("1 << 100000")).hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
        assertThatThrownBy(() -> Eval.eval("1.5 | 1")).hasMessageContaining("unsupported operand type(s) for |");
    }

    @Test
    void aDryRunPlaceholderPassesThroughTheNewConstructs() {
        Placeholder tool = Placeholder.of("tool 'fetch'");
        Map<String, Object> out = run("import math\nimport json\na, b = result\nroot = math.sqrt(result)\n"
                + "text = json.dumps(result)\nline = f'{result:.2f} {a}'\nkind = isinstance(result, dict)", "result", tool);
        assertThat(out.get("a")).isInstanceOf(Placeholder.class);
        assertThat(out.get("root")).isSameAs(tool);
        assertThat(out.get("text")).isSameAs(tool);
        assertThat((String) out.get("line")).contains("dry run");
        assertThat(out).containsEntry("kind", true);
    }

    @Test
    void fStrings() {
        assertThat(Eval.eval("f'{pi:.2f}|{n:>6}|{n:<6}|{n:^6}|{big:,}|{share:.1%}|{b:#x}|{neg:05d}|{s!r}|{f:e}|{tiny:g}|{c:*^5}'",
                "pi", 3.14159, "n", 42, "big", 1234567, "share", 0.256, "b", 255, "neg", -7, "s", "ab",
                "f", 12345.678, "tiny", 1e-5, "c", "x"))
                .isEqualTo("3.14|    42|42    |  42  |1,234,567|25.6%|0xff|-0007|'ab'|1.234568e+04|1e-05|**x**");
        assertThat(Eval.eval("f\"{name} has {len(items)} item{'s' if len(items) != 1 else ''}: {', '.join(items)}\"",
                "name", "Ada", "items", List.of("a", "b"))).isEqualTo("Ada has 2 items: a, b");
        assertThat(Eval.eval("f'{{literal}} {x}' 'plain' f'{[x, {\"k\": x}]}'", "x", 1))
                .isEqualTo("{literal} 1plain[1, {'k': 1}]");
        assertThatThrownBy(() -> Eval.eval("f'{x:d}'", "x", "s"))
                .hasMessageContaining("ValueError: Unknown format code 'd' for object of type 'str'");
        assertThatThrownBy(() -> Eval.eval("f'{x:.2f}'")).hasMessageContaining("unsupported format string passed to NoneType");
        assertThatThrownBy(() -> Eval.eval("f'{x:>99999999999}'", "x", 1)).hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
    }
}
