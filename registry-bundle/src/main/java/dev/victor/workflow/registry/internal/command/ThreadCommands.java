package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.Checkpoint;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code workflow:history} and {@code workflow:fork} commands: a thread's checkpoints, the
 * state at one of them, and a new thread started from one (time travel). Statuses as in
 * {@link WorkflowCommands}.
 */
public final class ThreadCommands {
    private final DefaultWorkflowCompilerRegistry registry;
    private final WorkflowCommands commands;

    public ThreadCommands(DefaultWorkflowCompilerRegistry registry, WorkflowCommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    /**
     * Prints the thread's history: step, status, node, time, pause and answer; with a step, the
     * checkpoint at that step and its state. JSON: {@code {"threadId", "steps": [...]}} or
     * {@code {"threadId", "step", ..., "state"}}.
     */
    public int history(String threadId, Integer step, boolean json, PrintStream out) {
        List<Checkpoint> history;
        try {
            history = commands.store().history(threadId);
        } catch (WorkflowException e) {
            WorkflowCommands.printFailure(e, out);
            return WorkflowCommands.FAILED;
        }
        if (history.isEmpty()) {
            out.println("error: no history of thread " + threadId + " in the checkpoint store");
            return WorkflowCommands.FAILED;
        }
        if (step != null) {
            Optional<Checkpoint> at = history.stream().filter(c -> c.step() == step).findFirst();
            if (at.isEmpty()) {
                out.println("error: thread " + threadId + " has no step " + step + "; its steps: 1 to "
                        + history.get(history.size() - 1).step());
                return WorkflowCommands.USAGE;
            }
            Map<String, Object> doc = document(at.get());
            doc.put("state", at.get().state());
            doc.put("path", at.get().history());
            if (json) {
                out.println(Json.write(doc));
            } else {
                doc.forEach((key, value) -> out.println(key + ": " + (value instanceof String text ? text
                        : Json.write(value))));
            }
            return WorkflowCommands.OK;
        }
        if (json) {
            List<Object> steps = new ArrayList<>();
            history.forEach(checkpoint -> steps.add(document(checkpoint)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("threadId", threadId);
            doc.put("steps", steps);
            out.println(Json.write(doc));
            return WorkflowCommands.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "STATUS", "NODE", "SAVED", "PAUSE", "ANSWER"});
        for (Checkpoint checkpoint : history) {
            rows.add(new String[] {String.valueOf(checkpoint.step()), checkpoint.status().label(),
                    checkpoint.nextNode() == null ? "-" : checkpoint.nextNode(), String.valueOf(checkpoint.savedAt()),
                    checkpoint.pauseId() == null ? "-" : checkpoint.pauseId(),
                    checkpoint.response() == null ? "-" : Json.write(checkpoint.response())});
        }
        Checkpoint first = history.get(0);
        out.println("thread " + threadId + " of workflow " + first.workflow()
                + (first.origin() == null ? "" : " (" + first.origin() + ")"));
        WorkflowCommands.table(rows, out);
        return WorkflowCommands.OK;
    }

    private static Map<String, Object> document(Checkpoint checkpoint) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("threadId", checkpoint.threadId());
        doc.put("step", checkpoint.step());
        doc.put("status", checkpoint.status().label());
        doc.put("node", checkpoint.nextNode());
        doc.put("savedAt", String.valueOf(checkpoint.savedAt()));
        doc.put("pause", checkpoint.pauseId());
        doc.put("response", checkpoint.response());
        doc.put("workflow", checkpoint.workflow());
        doc.put("origin", checkpoint.origin());
        doc.put("fingerprint", checkpoint.fingerprint());
        doc.put("compiler", checkpoint.compiler());
        doc.put("iterations", checkpoint.iterations());
        return doc;
    }

    /**
     * Starts a new thread from a step of a thread's history with the state changed by
     * {@code patchJson} (a JSON object; a {@code null} value removes the key), compiled from the
     * URI the checkpoint remembers (or {@code uri}). Prints the new thread's result.
     */
    public int fork(String threadId, int step, String patchJson, String uri, String workflow, boolean json,
                    PrintStream out) {
        Map<String, Object> patch;
        try {
            patch = patch(patchJson);
        } catch (IllegalArgumentException e) {
            out.println("error: the state patch " + e.getMessage());
            return WorkflowCommands.USAGE;
        }
        Checkpoint from;
        try {
            Optional<Checkpoint> found = commands.store().checkpoint(threadId, step);
            if (found.isEmpty()) {
                out.println("error: thread " + threadId + " has no step " + step + " in the checkpoint store"
                        + " (workflow:history " + threadId + " lists its steps)");
                return WorkflowCommands.FAILED;
            }
            from = found.get();
        } catch (WorkflowException e) {
            WorkflowCommands.printFailure(e, out);
            return WorkflowCommands.FAILED;
        }
        String origin = uri != null ? uri : from.origin();
        if (origin == null) {
            out.println("error: step " + step + " of thread " + threadId + " does not name its workflow's URI;"
                    + " give it with --uri");
            return WorkflowCommands.USAGE;
        }
        boolean dryRun = origin.startsWith(WorkflowCommands.DRY_RUN_ORIGIN);
        String compiled = dryRun ? origin.substring(WorkflowCommands.DRY_RUN_ORIGIN.length()) : origin;
        DryRunServices dry = dryRun ? new DryRunServices(commands.installed()) : null;
        RunResult result;
        try {
            CompiledGraph graph = registry.compile(compiled, workflow != null ? workflow : from.workflow());
            result = graph.fork(threadId, step, patch, commands.config(dry, Map.of()));
        } catch (WorkflowException e) {
            WorkflowCommands.printFailure(e, out);
            return WorkflowCommands.FAILED;
        }
        WorkflowCommands.printEvent(new RunEvent.RunFinished(result), out);
        return WorkflowCommands.finish(result, dry, json, out);
    }

    private static Map<String, Object> patch(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object value = Json.read(text);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be a JSON object, such as {\"title\": \"Hotfix\"}");
        }
        Map<String, Object> patch = new LinkedHashMap<>();
        map.forEach((key, item) -> patch.put(String.valueOf(key), item));
        return patch;
    }
}
