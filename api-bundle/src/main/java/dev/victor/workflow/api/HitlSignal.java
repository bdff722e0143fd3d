package dev.victor.workflow.api;

/** Special responses to {@link CompiledGraph#resume}. */
public enum HitlSignal {
    /** Nobody answered in time: apply the node's fallback as if its deadline had passed. */
    EXPIRED
}
