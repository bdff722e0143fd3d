package dev.victor.workflow.engine.internal;

import java.util.LinkedHashMap;
import java.util.List;

/** What one parallel child did: its writes, its warnings, its own children (when it is parallel too). */
record ChildOutcome(Node node, LinkedHashMap<String, Object> writes, List<Warning> warnings,
                    List<ChildOutcome> nested, long nanos) {

    record Warning(String nodeId, String message) {
    }
}
