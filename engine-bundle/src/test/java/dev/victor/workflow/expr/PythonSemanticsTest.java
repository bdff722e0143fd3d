package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.eval;
import static dev.victor.workflow.expr.Eval.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonSemanticsTest {

    @Test
    void literals() {
        assertThat(eval("42")).isEqualTo(42L);
        assertThat(eval("1_000")).isEqualTo(1000L);
        assertThat(eval("0x1F + 0o17 + 0b11")).isEqualTo(31L + 15L + 3L);
        assertThat(eval("1.5")).isEqualTo(1.5);
        assertThat(eval(".5")).isEqualTo(0.5);
        assertThat(eval("1e3")).isEqualTo(1000.0);
        assertThat(eval("'single'")).isEqualTo("single");
        assertThat(eval("\"double\"")).isEqualTo("double");
        assertThat(eval("'a' 'b'")).isEqualTo("ab");
        assertThat(eval("'tab\\tnew\\nquote\\'back\\\\x\\x41\\u00e9'")).isEqualTo("tab\tnew\nquote'back\\xAé");
        assertThat(eval("r'a\\nb'")).isEqualTo("a\\nb");
        assertThat(eval("'''multi\nline'''")).isEqualTo("multi\nline");
        assertThat(eval("True")).isEqualTo(true);
        assertThat(eval("true")).isEqualTo(true);
        assertThat(eval("False")).isEqualTo(false);
        assertThat(eval("false")).isEqualTo(false);
        assertThat(eval("None")).isNull();
        assertThat(eval("null")).isNull();
        assertThat(eval("[1, 'a', None]")).isEqualTo(java.util.Arrays.asList(1L, "a", null));
        assertThat(eval("{'k': 1, 'j': [2]}")).isEqualTo(Map.of("k", 1L, "j", List.of(2L)));
        assertThat(show("(1, 2)")).isEqualTo("(1, 2)");
        assertThat(show("(1,)")).isEqualTo("(1,)");
        assertThat(show("()")).isEqualTo("()");
        assertThat(eval("(1, 2)")).isInstanceOf(List.class);
        assertThat(show("[1, 2,]")).isEqualTo("[1, 2]");
    }

    @Test
    void tuplesAreImmutableLists() {
        @SuppressWarnings("unchecked")
        List<Object> t = (List<Object>) eval("(1, 2)");
        assertThatThrownBy(() -> t.add(3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(eval("(1, 2) == [1, 2]")).isEqualTo(false);
        assertThat(eval("(1, 2) == (1, 2)")).isEqualTo(true);
        assertThat(show("(1, 2) + (3,)")).isEqualTo("(1, 2, 3)");
    }

    @Test
    void namesReadTheState() {
        assertThat(eval("x", "x", 3)).isEqualTo(3L);
        assertThat(eval("missing")).isNull();
        assertThat(eval("ctx", "a", 1)).isEqualTo(Map.of("a", 1));
        assertThat(eval("ctx.a", "a", 1)).isEqualTo(1L);
        assertThat(eval("ctx['a']", "a", 1)).isEqualTo(1L);
        assertThat(eval("ctx.get('a', 5) + ctx.get('b', 5)", "a", 1)).isEqualTo(6L);
        assertThat(Expression.parse("tests_passing").bareName()).contains("tests_passing");
        assertThat(Expression.parse("not tests_passing").bareName()).isEmpty();
        assertThat(Expression.parse("ctx").bareName()).isEmpty();
        assertThat(Expression.parse("True").bareName()).isEmpty();
    }

    @Test
    void dottedPathsAndSubscripts() {
        Map<String, Object> v = Map.of("count_match", true, "nested", Map.of("deep", "x"));
        assertThat(eval("verification.count_match", "verification", v)).isEqualTo(true);
        assertThat(eval("verification.nested.deep", "verification", v)).isEqualTo("x");
        assertThat(eval("verification.absent", "verification", v)).isNull();
        assertThat(eval("verification.absent.deeper", "verification", v)).isNull();
        assertThat(eval("nothing.at.all")).isNull();
        assertThat(eval("verification['nested']['deep']", "verification", v)).isEqualTo("x");
        assertThat(eval("verification['absent']", "verification", v)).isNull();
        assertThat(eval("xs[0]", "xs", List.of(10, 20, 30))).isEqualTo(10L);
        assertThat(eval("xs[-1]", "xs", List.of(10, 20, 30))).isEqualTo(30L);
        assertThat(eval("xs[i]", "xs", List.of(10, 20, 30), "i", 1)).isEqualTo(20L);
        assertThat(eval("xs[True]", "xs", List.of(10, 20, 30))).isEqualTo(20L);
        assertThat(eval("'héllo'[1]")).isEqualTo("é");
        assertThat(eval("'abc'[-1]")).isEqualTo("c");
        assertThat(eval("{1: 'one'}[1.0]")).isEqualTo("one");
        assertThatThrownBy(() -> eval("xs[3]", "xs", List.of(1, 2, 3)))
                .isInstanceOf(ExpressionEvaluationException.class).hasMessageContaining("IndexError: list index out of range");
        assertThatThrownBy(() -> eval("xs['a']", "xs", List.of(1)))
                .hasMessageContaining("list indices must be integers or slices, not str");
        assertThatThrownBy(() -> eval("xs.b", "xs", List.of(1)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("'list' object has no attribute 'b'");
        assertThatThrownBy(() -> eval("s.b", "s", "text"))
                .hasMessageContaining("'str' object has no attribute 'b'");
        assertThatThrownBy(() -> eval("n[0]", "n", 5)).hasMessageContaining("'int' object is not subscriptable");
    }

    @Test
    void slices() {
        assertThat(show("[0, 1, 2, 3, 4][1:3]")).isEqualTo("[1, 2]");
        assertThat(show("[0, 1, 2, 3, 4][::2]")).isEqualTo("[0, 2, 4]");
        assertThat(show("[0, 1, 2, 3, 4][::-1]")).isEqualTo("[4, 3, 2, 1, 0]");
        assertThat(show("[0, 1, 2, 3, 4][-2:]")).isEqualTo("[3, 4]");
        assertThat(show("[0, 1, 2][5:10]")).isEqualTo("[]");
        assertThat(eval("'abcdef'[1:4]")).isEqualTo("bcd");
        assertThat(eval("'abcdef'[:-2]")).isEqualTo("abcd");
        assertThat(show("(1, 2, 3)[1:]")).isEqualTo("(2, 3)");
        assertThatThrownBy(() -> eval("[1][::0]")).hasMessageContaining("slice step cannot be zero");
    }

    @Test
    void truthiness() {
        for (String falsy : List.of("None", "False", "0", "0.0", "''", "[]", "{}", "()", "x", "e", "m")) {
            assertThat(eval("not " + falsy, "x", List.of(), "e", "", "m", Map.of())).as(falsy).isEqualTo(true);
        }
        for (String truthy : List.of("True", "1", "-1", "0.1", "'a'", "' '", "[0]", "{'a': 0}", "(0,)", "'False'")) {
            assertThat(eval("bool(" + truthy + ")")).as(truthy).isEqualTo(true);
        }
        assertThat(PyValues.truthy(0)).isFalse();
        assertThat(PyValues.truthy(BigDecimal.ZERO)).isFalse();
        assertThat(PyValues.truthy(0.0f)).isFalse();
        assertThat(PyValues.truthy(List.of())).isFalse();
        assertThat(PyValues.truthy(Map.of("a", 1))).isTrue();
    }

    @Test
    void equality() {
        assertThat(eval("1 == 1.0")).isEqualTo(true);
        assertThat(eval("True == 1")).isEqualTo(true);
        assertThat(eval("False == 0")).isEqualTo(true);
        assertThat(eval("True == 2")).isEqualTo(false);
        assertThat(eval("None == None")).isEqualTo(true);
        assertThat(eval("None == 0")).isEqualTo(false);
        assertThat(eval("'1' == 1")).isEqualTo(false);
        assertThat(eval("[1, [2, 3]] == [1.0, [2, 3.0]]")).isEqualTo(true);
        assertThat(eval("{'a': 1, 'b': [1]} == {'b': [1.0], 'a': True}")).isEqualTo(true);
        assertThat(eval("{'a': 1} == {'a': 1, 'b': 2}")).isEqualTo(false);
        assertThat(eval("1 != 2")).isEqualTo(true);
        assertThat(eval("float('nan') == float('nan')")).isEqualTo(false);
        assertThat(eval("a == b", "a", 1, "b", 1L)).isEqualTo(true);
        assertThat(eval("a == b", "a", BigInteger.ONE, "b", (short) 1)).isEqualTo(true);
        assertThat(eval("a == 1.5", "a", new BigDecimal("1.5"))).isEqualTo(true);
        assertThat(eval("a == 0.5", "a", 0.5f)).isEqualTo(true);
        assertThat(eval("2**64 == 2.0**64")).isEqualTo(true);
        assertThat(eval("2**53 + 1 == 2.0**53")).isEqualTo(false);
        assertThat(PyValues.equal(1, 1.0)).isTrue();
        assertThat(PyValues.equal(List.of(1, 2), List.of(1L, 2.0))).isTrue();
        assertThat(PyValues.equal(Map.of("a", List.of(1)), Map.of("a", List.of(1L)))).isTrue();
        assertThat(PyValues.equal(true, 1L)).isTrue();
        assertThat(PyValues.equal("1", 1)).isFalse();
        assertThat(PyValues.equal(null, null)).isTrue();
    }

    @Test
    void orderingAndChains() {
        assertThat(eval("1 < 2 < 3")).isEqualTo(true);
        assertThat(eval("1 < 3 < 2")).isEqualTo(false);
        assertThat(eval("3 > 2 >= 2 == 2.0 != 1")).isEqualTo(true);
        assertThat(eval("0 <= i < 1000", "i", 999)).isEqualTo(true);
        assertThat(eval("'abc' < 'abd'")).isEqualTo(true);
        assertThat(eval("'B' < 'a'")).isEqualTo(true);
        assertThat(eval("[1, 2] < [1, 3]")).isEqualTo(true);
        assertThat(eval("[1, 2] < [1, 2, 0]")).isEqualTo(true);
        assertThat(eval("(1, 'a') < (1, 'b')")).isEqualTo(true);
        assertThat(eval("True > 0.5")).isEqualTo(true);
        assertThat(eval("1.5 > 1")).isEqualTo(true);
        assertThat(eval("2**70 > 1.0e20")).isEqualTo(true);
    }

    @Test
    void incompatibleOrderingIsFalseNotAnError() {
        for (String e : List.of("None > 3", "None < 3", "3 > None", "'a' < 1", "1 >= 'a'", "[1] < 'a'",
                "{} < {}", "x > 0", "[1, 'a'] < [1, 2]", "float('nan') < 1", "float('nan') >= 1")) {
            assertThat(eval(e)).as(e).isEqualTo(false);
        }
        assertThat(eval("not (None > 3)")).isEqualTo(true);
        assertThat(eval("1 < x < 3")).isEqualTo(false);
    }

    @Test
    void membership() {
        assertThat(eval("'ell' in 'hello'")).isEqualTo(true);
        assertThat(eval("'z' not in 'hello'")).isEqualTo(true);
        assertThat(eval("1 in [1.0, 2]")).isEqualTo(true);
        assertThat(eval("True in [1]")).isEqualTo(true);
        assertThat(eval("[1] in [[1], [2]]")).isEqualTo(true);
        assertThat(eval("3 not in [1, 2]")).isEqualTo(true);
        assertThat(eval("'a' in {'a': 1}")).isEqualTo(true);
        assertThat(eval("1 in {'a': 1}")).isEqualTo(false);
        assertThat(eval("1 in {1.0: 'x'}")).isEqualTo(true);
        assertThat(eval("2 in (1, 2)")).isEqualTo(true);
        assertThat(eval("status in ['done', 'failed']", "status", "done")).isEqualTo(true);
        // a type error in a comparison is false, as in Victor
        assertThat(eval("1 in 'abc'")).isEqualTo(false);
        assertThat(eval("'a' in missing")).isEqualTo(false);
        assertThat(eval("'a' not in missing")).isEqualTo(false);
    }

    @Test
    void identity() {
        assertThat(eval("x is None")).isEqualTo(true);
        assertThat(eval("x is not None", "x", 0)).isEqualTo(true);
        assertThat(eval("x is None", "x", 0)).isEqualTo(false);
        assertThat(eval("flag is True", "flag", true)).isEqualTo(true);
        assertThat(eval("flag is not False", "flag", true)).isEqualTo(true);
    }

    @Test
    void andOrReturnOperandsAndShortCircuit() {
        assertThat(eval("0 or 'x'")).isEqualTo("x");
        assertThat(eval("'' or [] or 0")).isEqualTo(0L);
        assertThat(eval("1 and 'y'")).isEqualTo("y");
        assertThat(eval("[] and 1/0")).isEqualTo(List.of());
        assertThat(eval("None and 1/0")).isNull();
        assertThat(eval("'a' or 1/0")).isEqualTo("a");
        assertThat(eval("False and undefined_thing.x[0] + 1")).isEqualTo(false);
        assertThat(eval("True or int('not a number')")).isEqualTo(true);
        assertThat(eval("x and x.count", "x", Map.of("count", 3))).isEqualTo(3L);
        assertThat(eval("not 0")).isEqualTo(true);
        assertThat(eval("not 'a'")).isEqualTo(false);
        assertThat(eval("not not []")).isEqualTo(false);
        assertThat(eval("a or b and c", "a", 0, "b", 1, "c", 2)).isEqualTo(2L);
        assertThat(eval("not a == b", "a", 1, "b", 2)).isEqualTo(true);
    }

    @Test
    void conditionalExpressions() {
        assertThat(eval("'big' if n > 10 else 'small'", "n", 11)).isEqualTo("big");
        assertThat(eval("'big' if n > 10 else 'small'", "n", 1)).isEqualTo("small");
        assertThat(eval("1/0 if False else 2")).isEqualTo(2L);
        assertThat(eval("1 if True else 1/0")).isEqualTo(1L);
        assertThat(eval("'a' if x else 'b' if y else 'c'", "y", 1)).isEqualTo("b");
        assertThat(eval("n + 1 if n else 1")).isEqualTo(1L);
        assertThat(eval("n + 1 if n else 1", "n", 4)).isEqualTo(5L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7 // 2 | 3",
        "-7 // 2 | -4",
        "7 // -2 | -4",
        "-7 % 2 | 1",
        "7 % -2 | -1",
        "-7 % -2 | -1",
        "7.5 // 2 | 3.0",
        "-7.5 // 2 | -4.0",
        "7.5 % 2 | 1.5",
        "-7.5 % 2 | 0.5",
        "6 / 3 | 2.0",
        "1 / 4 | 0.25",
        "2 ** 10 | 1024",
        "2 ** -1 | 0.5",
        "2.0 ** 3 | 8.0",
        "-2 ** 2 | -4",
        "(-2) ** 2 | 4",
        "2 ** 3 ** 2 | 512",
        "1 + 2 * 3 | 7",
        "(1 + 2) * 3 | 9",
        "10 - 2 - 3 | 5",
        "1 + 1.0 | 2.0",
        "True + True | 2",
        "-True | -1",
        "+3 | 3",
        "- - 3 | 3",
        "3 * 1.5 | 4.5",
        "0.1 + 0.2 | 0.30000000000000004",
        "9223372036854775807 + 1 | 9223372036854775808",
        "-9223372036854775808 - 1 | -9223372036854775809",
        "9223372036854775807 * 2 | 18446744073709551614",
        "-(-9223372036854775808) | 9223372036854775808",
        "2 ** 64 // 2 ** 32 | 4294967296",
        "2 ** 64 % 7 | 2",
        "abs(-9223372036854775808) | 9223372036854775808",
        "10 ** 20 / 10 ** 19 | 10.0",
        "1e308 * 10 | inf",
    })
    void arithmetic(String expression, String expected) {
        assertThat(show(expression)).as(expression).isEqualTo(expected);
    }

    @Test
    void intAndFloatResultTypes() {
        assertThat(eval("1 + 2")).isInstanceOf(Long.class);
        assertThat(eval("x + 1", "x", 1)).isInstanceOf(Long.class);
        assertThat(eval("x", "x", 1)).isInstanceOf(Long.class);
        assertThat(eval("x", "x", 1.5f)).isEqualTo(1.5);
        assertThat(eval("x", "x", new BigDecimal("2.5"))).isEqualTo(2.5);
        assertThat(eval("x", "x", BigInteger.TEN)).isEqualTo(10L);
        assertThat(eval("4 / 2")).isInstanceOf(Double.class);
        assertThat(eval("4 // 2")).isInstanceOf(Long.class);
        assertThat(eval("4.0 // 2")).isInstanceOf(Double.class);
        assertThat(eval("2 ** 100")).isEqualTo(BigInteger.TWO.pow(100));
        assertThat(eval("2 ** 100 - 2 ** 100 + 1")).isEqualTo(1L);
    }

    @Test
    void sequencesAndStrings() {
        assertThat(eval("'ab' + 'cd'")).isEqualTo("abcd");
        assertThat(eval("'ab' * 3")).isEqualTo("ababab");
        assertThat(eval("3 * 'ab'")).isEqualTo("ababab");
        assertThat(eval("'ab' * 0")).isEqualTo("");
        assertThat(eval("'ab' * -1")).isEqualTo("");
        assertThat(show("[1] + [2, 3]")).isEqualTo("[1, 2, 3]");
        assertThat(show("[1, 2] * 2")).isEqualTo("[1, 2, 1, 2]");
        assertThat(show("xs + [4]", "xs", List.of(1, 2, 3))).isEqualTo("[1, 2, 3, 4]");
    }

    @Test
    void typeErrorsAreEvaluationErrors() {
        assertThatThrownBy(() -> eval("'a' + 1")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("TypeError: can only concatenate str (not \"int\") to str");
        assertThatThrownBy(() -> eval("1 + 'a'"))
                .hasMessageContaining("unsupported operand type(s) for +: 'int' and 'str'");
        assertThatThrownBy(() -> eval("x + 1"))
                .hasMessageContaining("unsupported operand type(s) for +: 'NoneType' and 'int'");
        assertThatThrownBy(() -> eval("[1] + (2,)")).hasMessageContaining("can only concatenate list (not \"tuple\") to list");
        assertThatThrownBy(() -> eval("'a' * 1.5")).hasMessageContaining("can't multiply sequence by non-int of type 'float'");
        assertThatThrownBy(() -> eval("-'a'")).hasMessageContaining("bad operand type for unary -: 'str'");
        assertThatThrownBy(() -> eval("{} - 1")).hasMessageContaining("unsupported operand type(s) for -: 'dict' and 'int'");
        assertThatThrownBy(() -> eval("'%d' % 'a'")).hasMessageContaining("TypeError: %d format: a real number is required, not str");
    }

    @Test
    void divisionByZero() {
        for (String e : List.of("1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.0 // 0.0", "1.5 % 0", "0 ** -1",
                "2 ** 100 // 0")) {
            assertThatThrownBy(() -> eval(e)).as(e).isInstanceOf(ExpressionEvaluationException.class)
                    .hasMessageContaining("ZeroDivisionError");
        }
    }

    @Test
    void floatEdgeCases() {
        assertThatThrownBy(() -> eval("(-8.0) ** 0.5")).hasMessageContaining("ValueError");
        assertThatThrownBy(() -> eval("10.0 ** 400")).hasMessageContaining("OverflowError");
        assertThatThrownBy(() -> eval("float(2 ** 2000)")).hasMessageContaining("int too large to convert to float");
        assertThat(show("-0.0")).isEqualTo("-0.0");
    }

    @Test
    void comprehensionsAndGenerators() {
        assertThat(show("[x * 2 for x in xs]", "xs", List.of(1, 2, 3))).isEqualTo("[2, 4, 6]");
        assertThat(show("[x for x in xs if x]", "xs", java.util.Arrays.asList(0, 1, null, 2, ""))).isEqualTo("[1, 2]");
        assertThat(show("[(a, b) for a in [1, 2] for b in 'xy' if a > 1]")).isEqualTo("[(2, 'x'), (2, 'y')]");
        assertThat(show("{k: v * 10 for k, v in d.items()}", "d", Map.of("a", 1))).isEqualTo("{'a': 10}");
        assertThat(show("[k for k in {'a': 1, 'b': 2}]")).isEqualTo("['a', 'b']");
        assertThat(eval("sum(len(d.content) for d in docs)", "docs",
                List.of(Map.of("content", "abc"), Map.of("content", "de")))).isEqualTo(5L);
        assertThat(eval("any(x > 2 for x in xs)", "xs", List.of(1, 2, 3))).isEqualTo(true);
        assertThat(show("(x for x in [1, 2])")).isEqualTo("[1, 2]");
        assertThat(show("[[y for y in range(x)] for x in range(3)]")).isEqualTo("[[], [0], [0, 1]]");
        // the loop variable is local: it does not hide or change the state key of the same name
        assertThat(eval("[x for x in [1, 2]] + [x]", "x", 9L)).isEqualTo(List.of(1L, 2L, 9L));
        // the first iterable is read in the enclosing scope
        assertThat(show("[x for x in x]", "x", List.of(4, 5))).isEqualTo("[4, 5]");
        assertThatThrownBy(() -> eval("[x for x in 5]")).hasMessageContaining("'int' object is not iterable");
        assertThatThrownBy(() -> eval("[a for a, b in [(1, 2, 3)]]"))
                .hasMessageContaining("too many values to unpack (expected 2)");
    }

    @Test
    void commentsAndLineContinuationInsideBrackets() {
        assertThat(eval("[1,  # one\n 2,\n 3]  # done")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(eval("a and \\\n b", "a", 1, "b", 2)).isEqualTo(2L);
        assertThat(eval("(a and\n b)", "a", 1, "b", 2)).isEqualTo(2L);
    }

    @Test
    void stateIsNeverChanged() {
        List<Object> xs = new java.util.ArrayList<>(List.of(1, 2));
        Map<String, Object> inner = new java.util.HashMap<>(Map.of("a", 1));
        Map<String, Object> s = Eval.state("xs", xs, "m", inner);
        Expression.parse("[xs + [3], merge(m, {'b': 2}), sorted(xs, reverse=True), xs * 2]").evaluate(s);
        assertThat(Expression.parse("xs.append(3)").evaluate(s)).isNull(); // appended to a copy
        assertThat(xs).containsExactly(1, 2);
        assertThat(inner).isEqualTo(Map.of("a", 1));
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> eval("1 +\n  (2 + 'a')"))
                .hasMessageContaining("(line 2, column 6)");
    }
}
