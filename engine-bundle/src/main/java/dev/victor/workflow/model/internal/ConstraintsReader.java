package dev.victor.workflow.model.internal;

import dev.victor.workflow.model.Constraints;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a compute node's {@code constraints}: what it may use, and a timeout of its own. */
final class ConstraintsReader {
    private static final Set<String> CONSTRAINT_KEYS = Set.of("llm_allowed", "network_allowed", "write_allowed",
            "filesystem_allowed", "max_cost_tier", "max_tool_calls", "timeout", "allowed_tools", "blocked_tools");
    private static final List<String> CAPABILITIES = List.of("llm", "network", "write", "filesystem", "none");
    private static final List<String> COST_TIERS = List.of("FREE", "LOW", "MEDIUM", "HIGH");

    private ConstraintsReader() {
    }

    /** The constraints read, and {@code constraints.timeout} when it is set. */
    record Read(Constraints constraints, Duration timeout) {
    }


    /** The node's {@code constraints} (a mapping, a list of blocked capabilities, or {@code none}). */
    static Read read(Scope scope, NodeDraft draft, Fields fields) {
        Object value = fields.get("constraints");
        List<Object> path = fields.path("constraints");
        if (value == null) {
            return new Read(Constraints.DEFAULT, null);
        }
        String valid = String.join(", ", CAPABILITIES);
        if (value instanceof String text) {
            if (text.trim().equalsIgnoreCase("none")) {
                return new Read(Constraints.NONE, null);
            }
            fields.fail("constraints", "invalid constraints '" + text + "': the only text value is 'none'"
                    + " (allows everything); for blocked capabilities write a list of " + valid);
            return new Read(Constraints.DEFAULT, null);
        }
        if (value instanceof List<?> list) {
            Set<String> blocked = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String capability = item instanceof String s ? s.trim().toLowerCase(Locale.ROOT) : null;
                if (capability == null || !CAPABILITIES.contains(capability)) {
                    draft.reported.add("constraints");
                    scope.error(Paths.append(path, i), draft.id, "invalid constraint "
                            + (Values.isScalar(item) ? "'" + Values.scalarText(item) + "'" : Values.describe(item))
                            + "; valid values: " + valid
                            + (item instanceof String s ? Suggest.didYouMean(s, CAPABILITIES) : ""));
                } else {
                    blocked.add(capability);
                }
            }
            if (blocked.contains("none")) {
                if (blocked.size() > 1) {
                    fields.fail("constraints", "constraint 'none' cannot be combined with other values: " + blocked);
                    return new Read(Constraints.DEFAULT, null);
                }
                return new Read(Constraints.NONE, null);
            }
            return new Read(new Constraints(!blocked.contains("llm"), !blocked.contains("network"),
                    !blocked.contains("write"), !blocked.contains("filesystem"), Constraints.DEFAULT.maxCostTier(),
                    Constraints.DEFAULT.maxToolCalls(), null, List.of()), null);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> raw = Fields.textKeys(map);
            Fields c = new Fields(scope, draft, raw, path);
            for (String key : raw.keySet()) {
                if (!CONSTRAINT_KEYS.contains(key)) {
                    scope.unknownKey(Paths.append(path, key), draft.id, "unknown key '" + key
                            + "' in constraints (ignored)" + Suggest.didYouMean(key, CONSTRAINT_KEYS));
                }
            }
            Constraints d = Constraints.DEFAULT;
            String tier = d.maxCostTier();
            Object tierValue = raw.get("max_cost_tier");
            if (tierValue != null) {
                String wanted = Values.isScalar(tierValue) ? Values.scalarText(tierValue).trim().toUpperCase(Locale.ROOT) : "";
                if (COST_TIERS.contains(wanted)) {
                    tier = wanted;
                } else {
                    c.fail("max_cost_tier", "invalid max_cost_tier " + (Values.isScalar(tierValue)
                            ? "'" + Values.scalarText(tierValue) + "'" : Values.describe(tierValue))
                            + "; valid values: " + String.join(", ", COST_TIERS));
                }
            }
            List<String> allowed = raw.get("allowed_tools") == null ? null : Values.list(c.texts("allowed_tools"));
            Constraints constraints = new Constraints(
                    c.bool("llm_allowed", d.llmAllowed()), c.bool("network_allowed", d.networkAllowed()),
                    c.bool("write_allowed", d.writeAllowed()), c.bool("filesystem_allowed", d.filesystemAllowed()),
                    tier, c.whole("max_tool_calls", d.maxToolCalls()), allowed, Values.list(c.texts("blocked_tools")));
            Duration timeout = c.seconds("timeout", null, "timeout");
            return new Read(constraints, timeout);
        }
        fields.fail("constraints", "'constraints' must be a mapping, a list of blocked capabilities (" + valid
                + ") or 'none', not " + Values.describe(value));
        return new Read(Constraints.DEFAULT, null);
    }
}
