package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statements of transforms: blocks, loops, functions, errors, unpacking, del, locals(). */
class StatementsTest {

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void ifElifElseTakesTheFirstTrueBranch() {
        String program = lines(
                "if score >= 90:",
                "    grade = 'A'",
                "elif score >= 70:",
                "    grade = 'B'",
                "else:",
                "    grade = 'C'",
                "if grade == 'A': top = True",
                "if []:",
                "    empty = False",
                "else:",
                "    pass");
        assertThat(run(program, "score", 95)).containsEntry("grade", "A").containsEntry("top", true);
        assertThat(run(program, "score", 75)).containsEntry("grade", "B").doesNotContainKey("top");
        assertThat(run(program, "score", 10)).containsEntry("grade", "C");
        assertThat(run(program)).containsEntry("grade", "C").doesNotContainKey("empty");
    }

    @Test
    void whileLoopsWithBreakAndContinue() {
        String program = lines(
                "i = 0",
                "total = 0",
                "while True:",
                "    i += 1",
                "    if i % 2 == 0:",
                "        continue",
                "    if i > limit:",
                "        break",
                "    total += i");
        assertThat(run(program, "limit", 9)).containsEntry("total", 25L).containsEntry("i", 11L);
        assertThat(run(lines("n = 0", "for x in [1, 2, 3, 4]:", "    if x == 3:", "        break", "    n += x")))
                .containsEntry("n", 3L);
    }

    @Test
    void anEndlessLoopEndsAtTheStepLimit() {
        assertThatThrownBy(() -> run(lines("i = 0", "while True:", "    i += 1")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> run(lines("while True:", "    pass")))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
    }

    @Test
    void aLimitCannotBeCaught() {
        assertThatThrownBy(() -> run(lines("try:", "    while True:", "        pass",
                "except Exception:", "    caught = True")))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> run(lines("def f(n):", "    return f(n + 1)", "try:", "    x = f(0)",
                "except:", "    x = 0")))
                .hasMessageContaining("ExpressionLimits.MAX_CALL_DEPTH");
    }

    @Test
    void theGuardIsAskedInsideAWhileLoop() {
        int[] asked = {0};
        EvaluationGuard guard = () -> {
            if (++asked[0] == 3) {
                throw new IllegalStateException("deadline");
            }
        };
        assertThatThrownBy(() -> TransformProgram.parse(lines("while True:", "    pass")).apply(Map.of(), guard))
                .isInstanceOf(IllegalStateException.class).hasMessage("deadline");
        assertThat(asked[0]).isEqualTo(3);
    }

    @Test
    void functionsWithDefaultsKeywordsClosuresAndRecursion() {
        String program = lines(
                "def fact(n):",
                "    if n <= 1:",
                "        return 1",
                "    return n * fact(n - 1)",
                "def scale(values, by=2, offset=0):",
                "    out = []",
                "    for v in values:",
                "        out.append(v * by + offset)",
                "    return out",
                "def adder(k):",
                "    def add(x):",
                "        return x + k",
                "    return add",
                "f = fact(20)",
                "s = scale([1, 2], offset=1)",
                "t = scale(values=[3], by=10)",
                "a = adder(5)(10)",
                "nothing = (lambda: None)()",
                "by_len = sorted(words, key=lambda w: (len(w), w))",
                "longest = max(words, key=len_of) if False else max(words, key=lambda w: len(w))");
        Map<String, Object> out = run(program, "words", List.of("ccc", "a", "bb", "aa"));
        assertThat(out).containsEntry("f", 2432902008176640000L)
                .containsEntry("s", List.of(3L, 5L))
                .containsEntry("t", List.of(30L))
                .containsEntry("a", 15L)
                .containsEntry("nothing", null)
                .containsEntry("by_len", List.of("a", "aa", "bb", "ccc"))
                .containsEntry("longest", "ccc")
                .doesNotContainKeys("fact", "scale", "adder");
        assertThat(TransformProgram.parse(program).targets()).doesNotContain("fact", "scale", "adder");
    }

    @Test
    void callsAreCheckedLikePython() {
        String def = "def f(a, b=1):\n    return a + b\n";
        assertThatThrownBy(() -> run(def + "x = f()")).hasMessageContaining(
                "TypeError: f() missing 1 required positional argument: 'a'");
        assertThatThrownBy(() -> run(def + "x = f(1, 2, 3)")).hasMessageContaining(
                "TypeError: f() takes 2 positional arguments but 3 were given");
        assertThatThrownBy(() -> run(def + "x = f(1, c=2)")).hasMessageContaining(
                "f() got an unexpected keyword argument 'c'");
        assertThatThrownBy(() -> run(def + "x = f(1, a=2)")).hasMessageContaining(
                "f() got multiple values for argument 'a'");
        assertThatThrownBy(() -> run("x = 5\ny = x(1)")).hasMessageContaining("'int' object is not callable");
    }

    @Test
    void deepRecursionFailsNamingTheLimit() {
        String program = lines("def depth(n):", "    return 0 if n == 0 else 1 + depth(n - 1)", "d = depth(n)");
        assertThat(run(program, "n", ExpressionLimits.MAX_CALL_DEPTH - 1))
                .containsEntry("d", (long) ExpressionLimits.MAX_CALL_DEPTH - 1);
        assertThatThrownBy(() -> run(program, "n", 100_000))
                .hasMessageContaining("RecursionError")
                .hasMessageContaining("ExpressionLimits.MAX_CALL_DEPTH");
    }

    @Test
    void functionLocalsFollowPython() {
        String program = lines(
                "count = 10",
                "def bump(n):",
                "    count = n + 1",
                "    return count",
                "b = bump(1)",
                "def reads():",
                "    return count * 2",
                "r = reads()",
                "def names(a):",
                "    z = 1",
                "    return sorted(locals().keys())",
                "l = names(3)",
                "top = sorted(k for k in locals() if k in ('count', 'b'))",
                "g = 'count' in globals() and 'missing' not in globals()");
        assertThat(run(program)).containsEntry("count", 10L).containsEntry("b", 2L).containsEntry("r", 20L)
                .containsEntry("l", List.of("a", "z")).containsEntry("top", List.of("b", "count"))
                .containsEntry("g", true);
        assertThat(run("seen = 'retries' in locals()", "retries", 2)).containsEntry("seen", true);
        assertThat(run("seen = 'retries' in locals()")).containsEntry("seen", false);
    }

    @Test
    void tryExceptElseFinallyOverTheLanguagesErrors() {
        String program = lines(
                "log = []",
                "for v in values:",
                "    try:",
                "        log.append(10 // v)",
                "    except ZeroDivisionError as e:",
                "        log.append('zero: ' + str(e))",
                "    except (TypeError, ValueError):",
                "        log.append('type')",
                "    else:",
                "        log.append('ok')",
                "    finally:",
                "        log.append('-')");
        assertThat(run(program, "values", List.of(5, 0, "x")).get("log")).isEqualTo(
                List.of(2L, "ok", "-", "zero: integer division or modulo by zero", "-", "type", "-"));
        String kinds = lines(
                "out = []",
                "for attempt in ['index', 'key', 'name', 'attr', 'value', 'arith']:",
                "    try:",
                "        if attempt == 'index':",
                "            x = [][1]",
                "        elif attempt == 'key':",
                "            raise KeyError('k')",
                "        elif attempt == 'name':",
                "            x = not_installed()",
                "        elif attempt == 'attr':",
                "            x = [1].missing",
                "        elif attempt == 'value':",
                "            x = int('x')",
                "        else:",
                "            x = 1 / 0",
                "    except LookupError:",
                "        out.append('lookup')",
                "    except ArithmeticError:",
                "        out.append('arith')",
                "    except Exception as e:",
                "        out.append(str(e)[:20])");
        assertThat(run(kinds).get("out")).isEqualTo(List.of("lookup", "lookup", "function 'not_instal",
                "'list' object has no", "invalid literal for ", "arith"));
    }

    @Test
    void raiseAndAssert() {
        assertThatThrownBy(() -> run("if x < 0:\n    raise ValueError('negative: ' + str(x))", "x", -1))
                .hasMessage("ValueError: negative: -1 (line 2, column 5)");
        assertThatThrownBy(() -> run("try:\n    x = 1 / 0\nexcept ZeroDivisionError:\n    raise"))
                .hasMessageStartingWith("ZeroDivisionError: division by zero");
        assertThatThrownBy(() -> run("raise")).hasMessageContaining("RuntimeError: No active exception to reraise");
        assertThatThrownBy(() -> run("raise 5")).hasMessageContaining("exceptions must derive from BaseException");
        assertThatThrownBy(() -> run("assert x > 0, 'x must be positive'", "x", 0))
                .hasMessageContaining("AssertionError: x must be positive");
        assertThat(run("try:\n    raise KeyError\nexcept KeyError as e:\n    m = str(e) == ''"))
                .containsEntry("m", true);
        assertThatThrownBy(() -> run("try:\n    assert False\nfinally:\n    done = True\n"))
                .hasMessageStartingWith("AssertionError");
    }

    @Test
    void finallyRunsOnTheWayOutAndTheErrorGoesOn() {
        assertThatThrownBy(() -> run("try:\n    x = [][0]\nfinally:\n    y = 1"))
                .hasMessageContaining("IndexError");
        assertThat(run(lines("def f():", "    try:", "        return 'body'", "    finally:", "        return 'finally'",
                "r = f()"))).containsEntry("r", "finally");
    }

    @Test
    void unpackingAndAugmentedAssignment() {
        String program = lines(
                "a, b = 1, 2",
                "a, b = b, a",
                "(c, d), e = [3, 4], 5",
                "first, second = 'xy'",
                "n = 7",
                "n //= 2",
                "n **= 3",
                "n -= 1",
                "n %= 10",
                "bits = 6",
                "bits &= 3",
                "bits |= 8",
                "bits ^= 1",
                "bits <<= 2",
                "for k, v in sorted(m.items()):",
                "    e += v");
        assertThat(run(program, "m", Map.of("p", 1, "q", 2))).containsEntry("a", 2L).containsEntry("b", 1L)
                .containsEntry("c", 3L).containsEntry("d", 4L).containsEntry("e", 8L)
                .containsEntry("first", "x").containsEntry("second", "y")
                .containsEntry("n", 6L).containsEntry("bits", 44L);
        assertThatThrownBy(() -> run("a, b = [1, 2, 3]")).hasMessageContaining(
                "ValueError: too many values to unpack (expected 2)");
        assertThatThrownBy(() -> run("a, b = [1]")).hasMessageContaining("not enough values to unpack");
        assertThatThrownBy(() -> run("a, b = 5")).hasMessageContaining("cannot unpack non-iterable int object");
    }

    @Test
    void delForgetsTheProgramsNamesAndKeys() {
        assertThat(run("tmp = 1\nkeep = tmp + 1\ndel tmp")).containsOnlyKeys("keep");
        assertThat(run("cfg = {'a': 1, 'b': 2}\ndel cfg.a")).containsEntry("cfg", Map.of("b", 2L));
        assertThatThrownBy(() -> run("del retries", "retries", 3))
                .hasMessageContaining("del cannot remove a state key");
        assertThatThrownBy(() -> run("del never")).hasMessageContaining("NameError");
        assertThatThrownBy(() -> run("cfg = {}\ndel cfg.a")).hasMessageContaining("KeyError");
    }

    @Test
    void aHugeRangeFailsNamingTheLimit() {
        assertThatThrownBy(() -> run("for i in range(10 ** 12):\n    x = i"))
                .hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
        assertThatThrownBy(() -> run("i = 0\nwhile i < 10 ** 12:\n    i += 1"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
    }

    @Test
    void valuesThatAreNotStateValuesStayInTheProgram() {
        assertThatThrownBy(() -> run("from datetime import datetime\nnow = datetime.now()"))
                .hasMessageContaining("'now' holds a datetime.datetime, which is not a state value (write .isoformat())");
        assertThat(run("e = ValueError('x')\nm = str(e)")).containsOnlyKeys("m");
        assertThat(run("double = lambda x: x * 2\ny = double(4)")).containsOnlyKeys("y");
    }

    @Test
    void statementsAreCheckedAtParseTime() {
        assertThatThrownBy(() -> TransformProgram.parse("def __init__(self):\n    return 1"))
                .isInstanceOf(ExpressionSyntaxException.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> TransformProgram.parse("continue")).hasMessageContaining("'continue' outside a loop");
        assertThatThrownBy(() -> TransformProgram.parse("def f():\n    x.a = 1"))
                .hasMessageContaining("inside a function");
        assertThatThrownBy(() -> TransformProgram.parse("import subprocess"))
                .hasMessageContaining("import of 'subprocess' is not allowed: the allowed modules are datetime, json,"
                        + " math, re, statistics, time");
    }
}
