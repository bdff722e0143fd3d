package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A checkpoint as a table row and back: the state, the pending request, the path and the answer as JSON. */
final class CheckpointRow {
    private CheckpointRow() {
    }

    /**
     * The row of a checkpoint.
     *
     * @param strict a value JSON cannot hold is an error naming its key and type ("nothing was
     *               written"); otherwise a state JSON cannot hold is left out (a {@code NULL} column)
     */
    static CheckpointTable.Row of(Checkpoint checkpoint, Instant savedAt, boolean strict) {
        String threadId = checkpoint.threadId();
        String stateJson;
        String pendingJson;
        String historyJson;
        String responseJson;
        try {
            stateJson = state(checkpoint, strict);
            pendingJson = checkpoint.pending() == null ? null : JsonValues.write(toMap(checkpoint.pending()), "pending");
            historyJson = JsonValues.write(checkpoint.history(), "history");
            responseJson = checkpoint.response() == null ? null : JsonValues.write(checkpoint.response(), "response");
        } catch (JsonValues.NotJsonException e) {
            throw new WorkflowException("Cannot save the checkpoint of thread '" + threadId + "'"
                    + (checkpoint.workflow() == null ? "" : " (workflow '" + checkpoint.workflow() + "')") + ": "
                    + e.getMessage() + "; nothing was written", e);
        }
        Instant deadline = checkpoint.pending() == null ? null : checkpoint.pending().deadline();
        return new CheckpointTable.Row(threadId, checkpoint.workflow(), checkpoint.nextNode(), stateJson, pendingJson,
                deadline, checkpoint.iterations(), historyJson, savedAt, checkpoint.origin(), checkpoint.step(),
                checkpoint.status().label(), checkpoint.pauseId(), checkpoint.fingerprint(), checkpoint.compiler(),
                responseJson);
    }

    private static String state(Checkpoint checkpoint, boolean strict) {
        try {
            return JsonValues.write(checkpoint.state(), "state");
        } catch (JsonValues.NotJsonException e) {
            if (strict) {
                throw e;
            }
            return null;
        }
    }

    /** The checkpoint a row holds; a {@code NULL} state (left out, see {@link #of}) reads as empty. */
    static Checkpoint read(CheckpointTable.Row row) {
        Map<String, Object> state = row.stateJson() == null ? Map.of() : JsonValues.readObject(row.stateJson());
        Interrupt pending = row.pendingJson() == null ? null : toInterrupt(JsonValues.readObject(row.pendingJson()));
        List<String> history = new ArrayList<>();
        for (Object id : (List<?>) JsonValues.read(row.historyJson())) {
            history.add((String) id);
        }
        Object response = row.responseJson() == null ? null : JsonValues.read(row.responseJson());
        CheckpointStatus status = row.status() == null ? null : CheckpointStatus.of(row.status());
        if (pending != null && pending.id() == null && row.pauseId() != null) {
            pending = pending.withId(row.pauseId());
        }
        return new Checkpoint(row.threadId(), row.workflow(), row.nextNode(), state, pending, row.iterations(), history,
                row.savedAt(), row.origin(), row.step(), status, row.fingerprint(), row.compiler(), response);
    }

    static Map<String, Object> toMap(Interrupt interrupt) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("node_id", interrupt.nodeId());
        map.put("type", interrupt.type());
        map.put("prompt", interrupt.prompt());
        map.put("choices", interrupt.choices());
        map.put("context", interrupt.context());
        map.put("default_value", interrupt.defaultValue());
        map.put("fallback", interrupt.fallback());
        map.put("deadline", interrupt.deadline() == null ? null : interrupt.deadline().toString());
        map.put("id", interrupt.id());
        return map;
    }

    @SuppressWarnings("unchecked")
    static Interrupt toInterrupt(Map<String, Object> map) {
        Object deadline = map.get("deadline");
        return new Interrupt((String) map.get("node_id"), (String) map.get("type"), (String) map.get("prompt"),
                (List<Object>) map.get("choices"), (Map<String, Object>) map.get("context"), map.get("default_value"),
                (String) map.get("fallback"), deadline == null ? null : Instant.parse((String) deadline),
                (String) map.get("id"));
    }
}
