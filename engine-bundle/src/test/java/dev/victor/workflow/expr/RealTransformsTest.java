package dev.victor.workflow.expr;

import static dev.victor.workflow.expr.Eval.run;
import static dev.victor.workflow.expr.Eval.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Transforms written the way real workflows write them, one per construct the transform
 * language refused before it had statements: {@code if} statements, {@code def} with
 * {@code return}, {@code import math} ({@code math.comb}), {@code locals()}, {@code isinstance},
 * a set comprehension, and functions no built-in defines (function services).
 */
class RealTransformsTest {

    @Test
    void ifStatementsChooseASeverity() {
        String program = String.join("\n",
                "critical = [f for f in findings if f.get('severity') == 'critical']",
                "if len(critical) > 0:",
                "    verdict = 'block'",
                "    reason = f'{len(critical)} critical finding(s)'",
                "elif len(findings) > max_warnings:",
                "    verdict = 'review'",
                "    reason = 'too many warnings'",
                "else:",
                "    verdict = 'pass'",
                "    reason = None");
        assertThat(run(program, "findings", List.of(Map.of("severity", "critical"), Map.of("severity", "low")),
                "max_warnings", 5)).containsEntry("verdict", "block").containsEntry("reason", "1 critical finding(s)");
        assertThat(run(program, "findings", List.of(), "max_warnings", 5)).containsEntry("verdict", "pass");
    }

    @Test
    void aHelperFunctionWithReturn() {
        String program = String.join("\n",
                "def score(result):",
                "    if not result.get('passed'):",
                "        return 0",
                "    return round(result.get('coverage', 0) / 100, 2)",
                "scores = [score(r) for r in results]",
                "best_score = max(scores) if scores else 0");
        assertThat(run(program, "results", List.of(Map.of("passed", true, "coverage", 87), Map.of("passed", false))))
                .containsEntry("scores", List.of(0.87, 0L)).containsEntry("best_score", 0.87);
    }

    @Test
    void importMathForCombinations() {
        String program = "import math\npairs_to_compare = math.comb(len(models), 2)\n"
                + "rounds = math.ceil(pairs_to_compare / batch_size)";
        assertThat(run(program, "models", List.of("a", "b", "c", "d", "e"), "batch_size", 4))
                .containsEntry("pairs_to_compare", 10L).containsEntry("rounds", 3L);
    }

    @Test
    void localsAsksWhetherAKeyWasWritten() {
        String program = "iteration = (iteration + 1) if 'iteration' in locals() else 1\nhistory = concat(history, [iteration])";
        assertThat(run(program)).containsEntry("iteration", 1L).containsEntry("history", List.of(1L));
        assertThat(run(program, "iteration", 4, "history", List.of(1, 2, 3, 4)))
                .containsEntry("iteration", 5L).containsEntry("history", List.of(1, 2, 3, 4, 5L));
    }

    @Test
    void isinstanceNormalisesAnAgentsAnswer() {
        String program = String.join("\n",
                "if isinstance(raw_answer, dict):",
                "    answer = raw_answer",
                "elif isinstance(raw_answer, str):",
                "    answer = {'text': raw_answer}",
                "else:",
                "    answer = {'items': list(raw_answer or [])}");
        assertThat(run(program, "raw_answer", Map.of("text", "hi"))).containsEntry("answer", Map.of("text", "hi"));
        assertThat(run(program, "raw_answer", "hi")).containsEntry("answer", Map.of("text", "hi"));
        assertThat(run(program, "raw_answer", List.of(1))).containsEntry("answer", Map.of("items", List.of(1)));
    }

    @Test
    void aSetComprehensionCollectsDistinctValues() {
        String program = "languages = sorted({f['language'] for f in files if f.get('language')})\n"
                + "language_count = len(languages)";
        assertThat(run(program, "files", List.of(Map.of("language", "java"), Map.of("language", "python"),
                Map.of("language", "java"), Map.of("name", "README")))).containsEntry("languages", List.of("java", "python"))
                .containsEntry("language_count", 2L);
    }

    @Test
    void functionsNoBuiltInDefinesAreFunctionServices() {
        TransformProgram program = TransformProgram.parse(
                "duration = elapsed_time(started_at)\nnext_check = calculate_next_maintenance(duration, interval=7)");
        assertThat(program.functions()).containsExactly("calculate_next_maintenance", "elapsed_time");
        ExpressionEnvironment services = name -> Optional.of(name.equals("elapsed_time")
                ? (args, keywords) -> 100L - ((Number) args.get(0)).longValue()
                : (args, keywords) -> ((Number) args.get(0)).longValue() + ((Number) keywords.get("interval")).longValue());
        assertThat(program.apply(state("started_at", 40), services))
                .containsEntry("duration", 60L).containsEntry("next_check", 67L);
    }

    @Test
    void tryExceptFallsBackOnBadInput() {
        String program = String.join("\n",
                "import json",
                "try:",
                "    parsed = json.loads(llm_output)",
                "    parse_error = None",
                "except ValueError as e:",
                "    parsed = {}",
                "    parse_error = str(e)");
        assertThat(run(program, "llm_output", "{\"ok\": true}")).containsEntry("parsed", Map.of("ok", true))
                .containsEntry("parse_error", null);
        assertThat(run(program, "llm_output", "Sure! Here is the JSON")).containsEntry("parsed", Map.of())
                .containsEntry("parse_error", "Expecting value: line 1 column 1 (char 0)");
    }
}
