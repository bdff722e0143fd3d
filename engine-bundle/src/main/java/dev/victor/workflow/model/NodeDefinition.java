package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import java.util.List;
import java.util.Map;

/**
 * One node of a workflow. The reader resolves the edges: {@link #next()} is the list of
 * successors as the node will run (zero or one id; empty ends the path), after auto-chaining and
 * with the END tokens removed.
 */
public sealed interface NodeDefinition
        permits AgentNode, ComputeNode, ConditionNode, TransformNode, ParallelNode, HitlNode, TeamNode, CustomNode {

    /** The id of the pseudo-node that ends a path, usable as a branch target. */
    String END = "__end__";

    String id();

    String name();

    /** The type as written: agent, compute, condition, transform, parallel, hitl, team or custom. */
    String type();

    /** Successor ids (empty: the path ends here). Conditions route with their branches instead. */
    List<String> next();

    /** True when {@link #next()} came from auto-chaining (no {@code next} key was written). */
    boolean chained();

    /** Keys the reader did not recognise, kept as written. */
    Map<String, Object> extras();

    /** Where the node starts in its source. */
    SourcePosition position();
}
