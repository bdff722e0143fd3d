package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.eval;
import static dev.victor.workflow.expr.Eval.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code str.format}, {@code %} formatting, loops with {@code else}, {@code global}/{@code nonlocal}, built-ins as values. */
class FormatAndScopesTest {

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void strFormatAsPython() {
        assertThat(eval("'{} and {}'.format(1, 'x')")).isEqualTo("1 and x");
        assertThat(eval("'{0}{1}{0}'.format('a', 'b')")).isEqualTo("aba");
        assertThat(eval("'{name} is {age:>4}'.format(name='Ann', age=7)")).isEqualTo("Ann is    7");
        assertThat(eval("'{0[1]} {m[k]}'.format([1, 2], m={'k': 'v'})")).isEqualTo("2 v");
        assertThat(eval("'{:.2f}|{:,}|{!r:>8}|{:^7}'.format(3.14159, 1234567, 'hi', 'mid')"))
                .isEqualTo("3.14|1,234,567|    'hi'|  mid  ");
        assertThat(eval("'{{literal}} {}'.format(5)")).isEqualTo("{literal} 5");
        assertThat(eval("t.format(n)", "t", "<{:05d}>", "n", 42)).isEqualTo("<00042>");
    }

    @Test
    void strFormatErrorsAsPython() {
        assertThatThrownBy(() -> eval("'{} {}'.format(1)"))
                .hasMessageContaining("IndexError: Replacement index 1 out of range for positional args tuple");
        assertThatThrownBy(() -> eval("'{0} {}'.format(1, 2)"))
                .hasMessageContaining("ValueError: cannot switch from manual field specification to automatic field numbering");
        assertThatThrownBy(() -> eval("'{missing}'.format(a=1)")).hasMessageContaining("KeyError: 'missing'");
        assertThatThrownBy(() -> eval("'a } b'.format()")).hasMessageContaining("ValueError: Single '}' encountered");
        assertThatThrownBy(() -> eval("'{:d}'.format('x')")).hasMessageContaining("ValueError: Unknown format code 'd'");
        // attributes are never read (no way to a value's internals)
        assertThatThrownBy(() -> eval("'{0.__class__}'.format(1)")).hasMessageContaining("AttributeError");
        assertThatThrownBy(() -> eval("'{:>99999999}'.format(1)")).hasMessageContaining("ExpressionLimits.MAX_");
    }

    @Test
    void percentFormattingAsPython() {
        assertThat(eval("'%s is %d years' % ('Ann', 7)")).isEqualTo("Ann is 7 years");
        assertThat(eval("'%5.2f|%-6s|%06.1f|%x|%#o|%+d|%%|%r' % (3.14159, 'ab', 2.5, 255, 8, 5, 'q')"))
                .isEqualTo(" 3.14|ab    |0002.5|ff|0o10|+5|%|'q'");
        assertThat(eval("'%(name)s=%(v)03d' % {'name': 'n', 'v': 7}")).isEqualTo("n=007");
        assertThat(eval("'%s' % [1, 2]")).isEqualTo("[1, 2]");
        assertThat(eval("'%d' % 3.9")).isEqualTo("3");
        assertThat(eval("'%.3s|%5s' % ('abcdef', None)")).isEqualTo("abc| None");
        assertThatThrownBy(() -> eval("'%d' % 'a'")).hasMessageContaining("TypeError: %d format: a real number is required, not str");
        assertThatThrownBy(() -> eval("'%s %s' % (1,)")).hasMessageContaining("TypeError: not enough arguments for format string");
        assertThatThrownBy(() -> eval("'hello' % 5")).hasMessageContaining("TypeError: not all arguments converted during string formatting");
        assertThatThrownBy(() -> eval("'%y' % 5")).hasMessageContaining("ValueError: unsupported format character 'y' (0x79) at index 1");
        assertThatThrownBy(() -> eval("'%.3d' % 5")).hasMessageContaining("a precision with %d is not supported");
        assertThatThrownBy(() -> eval("'%99999999s' % 'a'")).hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
    }

    @Test
    void loopsWithElse() {
        String program = lines(
                "for x in xs:",
                "    if x < 0:",
                "        found = x",
                "        break",
                "else:",
                "    found = 'none'",
                "i = 0",
                "while i < 3:",
                "    i += 1",
                "else:",
                "    ended = i");
        assertThat(run(program, "xs", List.of(1, -2, -3))).containsEntry("found", -2L).containsEntry("ended", 3L);
        assertThat(run(program, "xs", List.of(1, 2))).containsEntry("found", "none");
        assertThat(run(program, "xs", List.of())).containsEntry("found", "none");
        // break in a loop's else leaves the enclosing loop
        assertThat(run(lines("n = 0", "while True:", "    for v in []:", "        pass", "    else:", "        n += 1",
                "        break"))).containsEntry("n", 1L);
    }

    @Test
    void globalAndNonlocal() {
        assertThat(run(lines(
                "count = 0",
                "def bump(k):",
                "    global count, made",
                "    count += k",
                "    made = True",
                "    return count",
                "r = [bump(2), bump(3)]"))).containsEntry("count", 5L).containsEntry("made", true)
                .containsEntry("r", List.of(2L, 5L));
        assertThat(run(lines(
                "def outer(vals):",
                "    total = 0",
                "    def add(v):",
                "        nonlocal total",
                "        total += v",
                "    for v in vals:",
                "        add(v)",
                "    return total",
                "s = outer([1, 2, 3])"))).containsEntry("s", 6L);
        // a global the function declares reads the state when the program has not assigned it
        assertThat(run(lines("def f():", "    global limit", "    limit = limit * 2", "f()"), "limit", 4))
                .containsEntry("limit", 8L);
        // without global, a name the function assigns is its own
        assertThat(run(lines("x = 1", "def f():", "    x = 2", "    return x", "y = f()")))
                .containsEntry("x", 1L).containsEntry("y", 2L);
    }

    @Test
    void theLimitsStillApply() {
        assertThatThrownBy(() -> run(lines("i = 0", "while True:", "    i += 1", "else:", "    done = True")))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> run(lines("depth = 0", "def down():", "    global depth", "    depth += 1", "    down()",
                "down()"))).hasMessageContaining("ExpressionLimits.MAX_CALL_DEPTH");
        assertThatThrownBy(() -> run(lines("def outer():", "    n = 0", "    def again():", "        nonlocal n",
                "        n += 1", "        again()", "    again()", "outer()")))
                .hasMessageContaining("ExpressionLimits.MAX_CALL_DEPTH");
        assertThatThrownBy(() -> eval("('{0:>9}' * 1200000).format(1)")).hasMessageContaining("ExpressionLimits.MAX_");
        assertThatThrownBy(() -> eval("('%9s' * 1200000) % tuple(range(1200000))"))
                .hasMessageContaining("ExpressionLimits.MAX_");
    }

    @Test
    void divmodAndReversed() {
        assertThat(eval("[divmod(7, -2), divmod(-7.5, 2), list(reversed('abc')), reversed({'a': 1, 'b': 2})]"))
                .isEqualTo(List.of(List.of(-4L, -1L), List.of(-4.0, 0.5), List.of("c", "b", "a"), List.of("b", "a")));
        assertThatThrownBy(() -> eval("divmod(1, 0)")).hasMessageContaining("ZeroDivisionError");
        assertThatThrownBy(() -> eval("divmod('a', 1)")).hasMessageContaining("TypeError: unsupported operand type(s) for divmod()");
        assertThatThrownBy(() -> eval("reversed({1})")).hasMessageContaining("TypeError: 'set' object is not reversible");
        assertThatThrownBy(() -> eval("reversed(range(20000000))")).hasMessageContaining("ExpressionLimits.MAX_");
    }

    @Test
    void dictUnion() {
        assertThat(run("a = {'x': 1, 1: 'i'}\nb = a\nc = a | {'y': 2, 1.0: 'f'}\na |= {'z': 3}"))
                .containsEntry("c", Map.of("x", 1L, 1L, "f", "y", 2L)).containsEntry("b", Map.of("x", 1L, 1L, "i", "z", 3L));
        assertThatThrownBy(() -> eval("{} | [1]")).hasMessageContaining("TypeError: unsupported operand type(s) for |");
    }

    @Test
    void builtinsAreValues() {
        assertThat(eval("max(['aa', 'b'], key=len)")).isEqualTo("aa");
        assertThat(eval("sorted(['ccc', 'a', 'bb'], key=len, reverse=True)")).isEqualTo(List.of("ccc", "bb", "a"));
        assertThat(run("f = abs\ny = f(-3)")).isEqualTo(Map.of("y", 3L));
        // a state key of that name comes first, as a global does in Python
        assertThat(eval("len", "len", 5)).isEqualTo(5L);
        assertThatThrownBy(() -> run("f = len\ny = f(1, 2)")).hasMessageContaining("TypeError: len() takes exactly one argument (2 given)");
    }
}
