package dev.victor.workflow.engine.internal;

import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.format.SourcePosition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node before its references are resolved to indices: what both front ends hand the assembler. */
final class NodeSpec {
    final String id;
    final String name;
    final String type;
    final SourcePosition position;
    NodeBody body;
    HitlBody hitl;
    boolean retryable;
    final Map<String, Object> attributes = new LinkedHashMap<>();

    /** The next node's id; {@code null} ends the path. */
    String next;
    /** Whether {@link #next} was written (not auto-chained). */
    boolean nextWritten;

    Route.LabelSource labels;
    String routeWhat;
    LinkedHashMap<String, String> branches;
    String defaultTarget;

    List<String> children;
    JoinStrategy join;
    Duration parallelTimeout;

    NodeSpec(String id, String name, String type, SourcePosition position) {
        this.id = id;
        this.name = name == null ? id : name;
        this.type = type;
        this.position = position == null ? SourcePosition.UNKNOWN : position;
    }

    boolean isParallel() {
        return children != null;
    }
}
