package dev.victor.workflow.engine.internal;

import dev.victor.workflow.expr.TransformProgram;
import dev.victor.workflow.spi.TransformFunction;

import java.time.Duration;
import java.util.Map;

/** A transform node: a registered transform function, or the parsed statements. */
final class TransformBody implements NodeBody {
    private final String id;
    private final String functionName;
    private final TransformProgram program;
    private final Duration timeout;
    /** The node as its timeout message names it. */
    private final String what;
    private final Updates updates = new Updates();

    TransformBody(String id, String functionName, TransformProgram program, Duration timeout) {
        this.id = id;
        this.what = "transform node '" + id + "'";
        this.functionName = functionName;
        this.program = program;
        this.timeout = timeout;
    }

    @Override
    public void execute(Scope scope) throws Exception {
        Map<String, Object> state = scope.view();
        Map<String, ?> written;
        if (functionName != null) {
            TransformFunction function = scope.run.services.transform(functionName).orElseThrow(() ->
                    NodeFailure.permanent("transform node '" + id + "': transform function '" + functionName
                            + "' is not installed", "not_installed"));
            written = function.apply(state);
        } else {
            try {
                written = program.apply(state, scope.run.functions,
                        EvaluationDeadline.of(scope.run, timeout, what));
            } catch (RunStop stop) {
                throw stop;
            } catch (EvaluationDeadline.Overrun overrun) {
                throw overrun.failure;
            } catch (RuntimeException failed) {
                throw new NodeFailure("transform node '" + id + "' failed: " + Exec.describe(failed),
                        failed.getClass().getName(), failed, false);
            }
        }
        if (written != null) {
            updates.writeTo(scope, written);
        }
    }
}
