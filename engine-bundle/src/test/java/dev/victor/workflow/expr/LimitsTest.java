package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LimitsTest {

    @Test
    void limitsHaveTheDocumentedValues() {
        assertThat(ExpressionLimits.MAX_TEXT_LENGTH).isEqualTo(65_536);
        assertThat(ExpressionLimits.MAX_NESTING_DEPTH).isEqualTo(100);
        assertThat(ExpressionLimits.MAX_STEPS).isEqualTo(1_000_000L);
        assertThat(ExpressionLimits.MAX_BUILT_SIZE).isEqualTo(10_000_000);
        assertThat(ExpressionLimits.MAX_POWER_EXPONENT).isEqualTo(10_000);
        assertThat(ExpressionLimits.MAX_INTEGER_BITS).isEqualTo(65_536);
    }

    @Test
    void textLength() {
        String ok = "x" + " ".repeat(ExpressionLimits.MAX_TEXT_LENGTH - 1);
        assertThat(Expression.parse(ok).bareName()).contains("x");
        String tooLong = ok + " ";
        assertThatThrownBy(() -> Expression.parse(tooLong)).isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("longer than 65536 characters (ExpressionLimits.MAX_TEXT_LENGTH)");
        assertThatThrownBy(() -> TransformProgram.parse("x = 1\n" + "#".repeat(70_000)))
                .hasMessageContaining("ExpressionLimits.MAX_TEXT_LENGTH");
    }

    @Test
    void nestingDepth() {
        assertThat(eval("(".repeat(90) + "1" + ")".repeat(90))).isEqualTo(1L);
        assertThatThrownBy(() -> Expression.parse("(".repeat(101) + "1" + ")".repeat(101)))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("nesting deeper than 100 levels (ExpressionLimits.MAX_NESTING_DEPTH)");
        assertThatThrownBy(() -> Expression.parse("[".repeat(200) + "]".repeat(200)))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        assertThatThrownBy(() -> Expression.parse("not ".repeat(150) + "x"))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        assertThatThrownBy(() -> Expression.parse("-".repeat(150) + "1"))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        // a long left-leaning chain is as deep as its tree, even without brackets
        assertThatThrownBy(() -> Expression.parse("1" + " + 1".repeat(5000)))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        assertThatThrownBy(() -> Expression.parse("a" + ".b".repeat(5000)))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        StringBuilder program = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            program.append(" ".repeat(i)).append("for x").append(i).append(" in xs:\n");
        }
        program.append(" ".repeat(101)).append("y = 1\n");
        assertThatThrownBy(() -> TransformProgram.parse(program.toString()))
                .hasMessageContaining("ExpressionLimits.MAX_NESTING_DEPTH");
        // many operands of and/or are flat, not deep
        assertThat(eval("x" + " or x".repeat(3000))).isNull();
    }

    @Test
    void evaluationSteps() {
        assertThatThrownBy(() -> eval("[x for x in range(2000000)]"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("more than 1000000 evaluation steps (ExpressionLimits.MAX_STEPS)");
        assertThatThrownBy(() -> eval("[1 for a in range(1000) for b in range(1000) for c in range(10)]"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> eval("sum(x for x in range(999999))"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        assertThatThrownBy(() -> Eval.run("n = 0\nfor i in range(600000):\n  n += 1"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS")
                .hasMessageContaining("line");
        // a loop that feeds itself stops
        assertThatThrownBy(() -> Eval.run("xs = [1]\nfor x in xs:\n  xs.append(x)"))
                .hasMessageContaining("ExpressionLimits.MAX_STEPS");
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 600_000; i++) {
            big.add(i);
        }
        assertThatThrownBy(() -> eval("big + big", "big", big)).hasMessageContaining("ExpressionLimits.MAX_STEPS");
        // the budget is per call: the same expression runs again
        Expression e = Expression.parse("len([x for x in range(400000)])");
        assertThat(e.evaluate(Map.of())).isEqualTo(400_000L);
        assertThat(e.evaluate(Map.of())).isEqualTo(400_000L);
    }

    @Test
    void builtSize() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> eval("'a' * 10**12")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("string repetition would have more than 10000000 characters (ExpressionLimits.MAX_BUILT_SIZE)");
        assertThatThrownBy(() -> eval("[0] * 10**12"))
                .hasMessageContaining("list repetition would have more than 10000000 items (ExpressionLimits.MAX_BUILT_SIZE)");
        assertThatThrownBy(() -> eval("'ab' * (2**100)"))
                .hasMessageContaining("OverflowError: cannot fit 'int' into an index-sized integer");
        assertThatThrownBy(() -> eval("s + s", "s", "x".repeat(6_000_000)))
                .hasMessageContaining("string concatenation would have more than 10000000 characters");
        assertThatThrownBy(() -> eval("range(20000000)")).hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
        assertThatThrownBy(() -> eval("s.replace('x', 'yy')", "s", "x".repeat(6_000_000)))
                .hasMessageContaining("ExpressionLimits.MAX_BUILT_SIZE");
        assertThat(System.nanoTime() - start).as("fails fast").isLessThan(5_000_000_000L);
        assertThat((String) eval("'a' * 1000000")).hasSize(1_000_000);
    }

    @Test
    void powerExponentAndIntegerSize() {
        assertThat(eval("2 ** 10000")).isNotNull();
        assertThatThrownBy(() -> eval("2 ** 10001")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("exponent 10001 is larger than 10000 (ExpressionLimits.MAX_POWER_EXPONENT)");
        assertThatThrownBy(() -> eval("10 ** 10 ** 10")).hasMessageContaining("ExpressionLimits.MAX_POWER_EXPONENT");
        assertThatThrownBy(() -> eval("1 ** -20000")).hasMessageContaining("ExpressionLimits.MAX_POWER_EXPONENT");
        assertThatThrownBy(() -> eval("100 ** 10000"))
                .hasMessageContaining("integer result has more than 65536 bits (ExpressionLimits.MAX_INTEGER_BITS)");
        assertThatThrownBy(() -> eval("(2 ** 10000) ** 2 * (2 ** 10000) ** 5"))
                .hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
        assertThatThrownBy(() -> Eval.run("x = 2 ** 10000\nfor i in range(10):\n  x = x * x"))
                .hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
        assertThatThrownBy(() -> Expression.parse("1" + "0".repeat(30_000)))
                .isInstanceOf(ExpressionSyntaxException.class).hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
        assertThatThrownBy(() -> eval("int(s)", "s", "9".repeat(30_000)))
                .hasMessageContaining("ExpressionLimits.MAX_INTEGER_BITS");
    }

    @Test
    void selfContainingValuesPrintAndFail() {
        Map<String, Object> out = Eval.run("x = []\nx.append(x)\ns = str(x)");
        assertThat(out.get("s")).isEqualTo("[[...]]");
        assertThatThrownBy(() -> Eval.run("x = []\nx.append(x)\ny = []\ny.append(y)\nz = x == y"))
                .isInstanceOf(ExpressionEvaluationException.class).hasMessageContaining("RecursionError");
    }
}
