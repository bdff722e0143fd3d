package dev.victor.workflow.model;

import java.util.List;

/**
 * What a compute node may do. Read from a map, a list of blocked capabilities, or {@code "none"}.
 *
 * @param allowedTools {@code null} when every tool is allowed
 * @param blockedTools tools the node must skip
 */
public record Constraints(boolean llmAllowed, boolean networkAllowed, boolean writeAllowed,
                          boolean filesystemAllowed, String maxCostTier, int maxToolCalls,
                          List<String> allowedTools, List<String> blockedTools) {
    /** Victor's defaults when no constraints are written. */
    public static final Constraints DEFAULT =
            new Constraints(false, true, false, true, "FREE", 100, null, List.of());
    /** {@code constraints: none}: everything allowed. */
    public static final Constraints NONE =
            new Constraints(true, true, true, true, "HIGH", 100, null, List.of());

    public boolean allowsTool(String tool) {
        return !blockedTools.contains(tool) && (allowedTools == null || allowedTools.contains(tool));
    }
}
