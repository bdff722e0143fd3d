package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.registry.internal.UriRedaction;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the run commands ({@code run}, {@code resume}, {@code fork}) fail before a run has a result:
 * an {@code error:} line, and with {@code --json} one JSON document in the shape of a run's
 * ({@code "status": "ERROR"}, the error with its type and problems), so that a {@code --json}
 * command always ends with one.
 */
final class CommandErrors {

    private CommandErrors() {
    }

    /** A wrong argument: status 2. */
    static int usage(String message, String threadId, boolean json, PrintStream out) {
        return error(message, "usage", WorkflowCommands.USAGE, threadId, json, out);
    }

    /** A failure of the registry or the engine: status 1. */
    static int failure(WorkflowException e, String threadId, boolean json, PrintStream out) {
        WorkflowCommands.printFailure(e, out);
        if (json) {
            out.println(Json.write(document(firstLine(e), type(e), threadId, e.problems())));
        }
        return WorkflowCommands.FAILED;
    }

    /**
     * The workflow of a checkpoint does not compile now. A missing file is often a relative path
     * named from another directory: then {@code --uri} is suggested (unless it was given).
     */
    static int compileFailure(WorkflowException e, String threadId, boolean uriGiven, boolean json, PrintStream out) {
        if (e instanceof WorkflowSourceNotFoundException && !uriGiven) {
            return failure(new WorkflowSourceNotFoundException(((WorkflowSourceNotFoundException) e).sourceName(),
                    firstLine(e) + "; if the workflow moved, or the run was started from another directory with a"
                            + " relative path, give its location with --uri", e), threadId, json, out);
        }
        return failure(e, threadId, json, out);
    }

    /** A plain error with its type and status. */
    static int error(String message, String type, int status, String threadId, boolean json, PrintStream out) {
        out.println("error: " + UriRedaction.text(message));
        if (json) {
            out.println(Json.write(document(message, type, threadId, List.of())));
        }
        return status;
    }

    /**
     * No run with this thread waits for an answer that this process can find: a thread that has
     * ended points at {@code workflow:db-threads}; a checkpoint that does not name its workflow's
     * URI asks for {@code --uri}.
     */
    static int notWaiting(String threadId, CheckpointStore store, boolean json, PrintStream out) {
        Optional<Checkpoint> current;
        List<Checkpoint> history;
        try {
            current = store.load(threadId);
            history = current.isPresent() ? List.of() : store.history(threadId);
        } catch (WorkflowException e) {
            return failure(e, threadId, json, out);
        }
        if (current.isPresent()) {
            return usage("the checkpoint of thread " + threadId + " does not name its workflow's URI; give it with"
                    + " --uri", threadId, json, out);
        }
        if (!history.isEmpty()) {
            Checkpoint last = history.get(history.size() - 1);
            return error("thread " + threadId + " is not waiting for an answer: it ended (" + last.status().label()
                    + " at step " + last.step() + "); nothing was changed. workflow:db-threads lists the runs that"
                    + " wait, workflow:history " + threadId + " shows this one", "not-waiting",
                    WorkflowCommands.USAGE, threadId, json, out);
        }
        return error("no run with thread " + threadId + " waits for an answer in the checkpoint store;"
                + " workflow:db-threads lists the runs that wait", "not-found", WorkflowCommands.USAGE, threadId,
                json, out);
    }

    private static String firstLine(WorkflowException e) {
        return UriRedaction.text(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }

    private static String type(WorkflowException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        StringBuilder type = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) && type.length() > 0) {
                type.append('-');
            }
            type.append(Character.toLowerCase(c));
        }
        return type.length() == 0 ? "error" : type.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> document(String message, String type, String threadId, List<Problem> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "ERROR");
        doc.put("threadId", threadId);
        doc.put("state", null);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("node", null);
        error.put("message", UriRedaction.text(message));
        error.put("type", type);
        List<Object> listed = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
            item.put("message", UriRedaction.text(problem.message()));
            item.put("workflow", problem.workflow());
            item.put("node", problem.node());
            item.put("line", problem.line());
            item.put("column", problem.column());
            listed.add(item);
        }
        error.put("problems", listed);
        doc.put("error", error);
        doc.put("iterations", 0);
        doc.put("history", List.of());
        doc.put("interrupt", null);
        doc.put("warnings", List.of());
        return doc;
    }
}
