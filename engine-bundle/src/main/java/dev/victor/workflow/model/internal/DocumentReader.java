package dev.victor.workflow.model.internal;

import dev.victor.workflow.api.IterationCounting;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.model.Limits;
import dev.victor.workflow.model.NodeDefinition;
import dev.victor.workflow.model.ReaderOptions;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.model.WorkflowDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a parsed YAML/JSON tree into workflow definitions: the document structure, the nodes,
 * the edges (auto-chaining, END tokens, hoisted inline parallel children), with every problem
 * located. Graph-level validation is the validator's job; this class hands it a {@link Locator}.
 */
public final class DocumentReader {
    /** Targets that end a path when no node has that id. */
    public static final Set<String> END_TOKENS = Set.of("end", "__end__", "END");

    private static final Set<String> WORKFLOW_KEYS = Set.of("description", "metadata", "nodes", "start_node",
            "max_iterations", "timeout", "max_execution_timeout_seconds", "default_node_timeout",
            "default_node_timeout_seconds", "max_retries", "execution", "services", "batch_config", "schedule",
            "temporal_context", "iteration_counting");
    private static final Set<String> EXECUTION_KEYS = Set.of("max_iterations", "timeout",
            "max_execution_timeout_seconds", "default_node_timeout", "default_node_timeout_seconds", "max_retries",
            "iteration_counting");
    private static final List<String> METADATA_BLOCKS = List.of("services", "batch_config", "schedule",
            "temporal_context");

    /** One workflow as read: {@code definition} is {@code null} when it could not be built at all. */
    public record ReadWorkflow(String name, WorkflowDefinition definition, Locator locator, List<Problem> problems) {
    }

    /** The workflows, every declared name, and the problems that belong to no workflow. */
    public record Result(List<ReadWorkflow> workflows, List<String> names, List<Problem> problems) {
    }

    private final ReaderOptions options;
    private final SourcePositions positions;
    private final String source;
    private final boolean semantic;

    public DocumentReader(ReaderOptions options, SourcePositions positions, String source, boolean semantic) {
        this.options = options;
        this.positions = positions == null ? SourcePositions.none() : positions;
        this.source = source;
        this.semantic = semantic;
    }

    public Result read(Object tree) {
        Scope document = new Scope(source, null, positions, semantic, options.strict());
        List<ReadWorkflow> workflows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> root = List.of();
        if (!(tree instanceof Map<?, ?> rootMap)) {
            document.error(root, null, "the document must be a mapping (workflow names to workflows, or a"
                    + " 'workflows' key), not " + Values.describe(tree));
            return new Result(workflows, names, document.problems);
        }
        Map<String, Object> top = Fields.textKeys(rootMap);
        Map<String, Object> entries;
        List<Object> base;
        boolean explicit = top.containsKey("workflows");
        if (explicit) {
            base = Paths.of("workflows");
            Object value = top.get("workflows");
            if (!(value instanceof Map<?, ?> map)) {
                document.error(base, null, value == null
                        ? "'workflows' is empty: it must map workflow names to workflows"
                        : "'workflows' must be a mapping of workflow names to workflows, not " + Values.describe(value));
                return new Result(workflows, names, document.problems);
            }
            entries = Fields.textKeys(map);
        } else {
            base = root;
            entries = top;
        }
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            String name = entry.getKey();
            List<Object> path = Paths.append(base, name);
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> map && map.containsKey("nodes")) {
                names.add(name);
                workflows.add(readWorkflow(name, map, path));
            } else if (explicit) {
                names.add(name);
                Scope scope = new Scope(source, name, positions, semantic, options.strict());
                scope.errorAtKey(path, null, value instanceof Map
                        ? "workflow '" + name + "' has no 'nodes'"
                        : "workflow '" + name + "' must be a mapping with 'nodes', not " + Values.describe(value));
                workflows.add(new ReadWorkflow(name, null, null, scope.problems));
            }
        }
        if (names.isEmpty()) {
            String hint = top.get("nodes") instanceof List
                    ? "; this document has a top-level 'nodes' list (a node library?), but a workflow is a named"
                    + " mapping with 'nodes', under 'workflows:' or at the top level"
                    : "; a workflow is a named mapping with 'nodes', under 'workflows:' or at the top level";
            document.error(explicit ? base : root, null, "no workflow in the document" + hint);
        }
        return new Result(workflows, names, document.problems);
    }

    private ReadWorkflow readWorkflow(String name, Map<?, ?> written, List<Object> path) {
        Scope scope = new Scope(source, name, positions, semantic, options.strict());
        Map<?, ?> interpolated = (Map<?, ?>) new Interpolator(options.environment()).apply(written, path, null, scope);
        Map<String, Object> raw = Fields.textKeys(interpolated);
        NodeDraft workflow = new NodeDraft(path, raw);
        Fields fields = new Fields(scope, workflow, raw, path);

        Map<String, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            String key = entry.getKey();
            if (!WORKFLOW_KEYS.contains(key)) {
                scope.unknownKey(Paths.append(path, key), null, "unknown workflow key '" + key + "' (kept, not used)"
                        + ("name".equals(key) ? "; a workflow's name is its key ('" + name + "')"
                        : Suggest.didYouMean(key, WORKFLOW_KEYS)));
                extras.put(key, Values.freeze(entry.getValue()));
            }
        }
        String description = fields.text("description", "");
        Map<String, Object> metadata = new LinkedHashMap<>(fields.map("metadata"));
        for (String block : METADATA_BLOCKS) {
            if (raw.containsKey(block)) {
                metadata.put(block, Values.freeze(raw.get(block)));
            }
        }
        Limits limits = readLimits(scope, workflow, fields);

        List<NodeDraft> drafts = new ArrayList<>();
        NodeReader nodeReader = new NodeReader(scope, options);
        Object nodes = raw.get("nodes");
        List<Object> nodesPath = Paths.append(path, "nodes");
        if (nodes instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                nodeReader.read(list.get(i), Paths.append(nodesPath, i), drafts);
            }
        } else {
            workflow.reported.add("nodes");
            scope.errorAtKey(nodesPath, null, nodes == null ? "'nodes' is empty: a workflow needs a list of nodes"
                    : nodes instanceof List ? "'nodes' is an empty list: a workflow needs at least one node"
                    : "'nodes' must be a list of nodes, not " + Values.describe(nodes));
        }

        List<NodeDraft> placed = new ArrayList<>();
        for (NodeDraft draft : drafts) {
            if (draft.id != null && draft.builder != null) {
                placed.add(draft);
            }
        }
        List<NodeDefinition> definitions = resolve(scope, placed);
        String startNode = fields.text("start_node", placed.isEmpty() ? null : placed.get(0).id);
        WorkflowDefinition definition = new WorkflowDefinition(name, description, Values.map(metadata),
                Values.list(definitions), startNode, limits, Values.map(extras), source, scope.position(path));
        return new ReadWorkflow(name, definition, new DraftLocator(scope, workflow, placed), scope.problems);
    }

    private Limits readLimits(Scope scope, NodeDraft workflow, Fields fields) {
        Fields execution = null;
        Object block = fields.get("execution");
        List<Object> executionPath = fields.path("execution");
        if (block instanceof Map<?, ?> map) {
            Map<String, Object> raw = Fields.textKeys(map);
            execution = new Fields(scope, workflow, raw, executionPath);
            for (String key : raw.keySet()) {
                if (!EXECUTION_KEYS.contains(key)) {
                    scope.unknownKey(Paths.append(executionPath, key), null, "unknown key '" + key
                            + "' in 'execution' (ignored)" + Suggest.didYouMean(key, EXECUTION_KEYS));
                }
            }
        } else if (block != null) {
            fields.fail("execution", "'execution' must be a mapping, not " + Values.describe(block));
        }
        List<Fields> sources = execution == null ? List.of(fields) : List.of(execution, fields);
        Integer maxIterations = (Integer) limit(scope, workflow, sources, "max_iterations", LimitKind.WHOLE_NUMBER,
                "max_iterations");
        Duration timeout = (Duration) limit(scope, workflow, sources, "timeout", LimitKind.SECONDS, "timeout",
                "max_execution_timeout_seconds");
        Duration nodeTimeout = (Duration) limit(scope, workflow, sources, "default_node_timeout", LimitKind.SECONDS,
                "default_node_timeout", "default_node_timeout_seconds");
        Integer maxRetries = (Integer) limit(scope, workflow, sources, "max_retries", LimitKind.WHOLE_NUMBER,
                "max_retries");
        IterationCounting counting = (IterationCounting) limit(scope, workflow, sources, "iteration_counting",
                LimitKind.COUNTING, "iteration_counting");
        return new Limits(maxIterations, timeout, nodeTimeout, maxRetries, counting);
    }

    /** How a limit's value is read, and what a value it cannot read is told. */
    private enum LimitKind {
        WHOLE_NUMBER, SECONDS, COUNTING;

        Object read(Object value) {
            return switch (this) {
                case WHOLE_NUMBER -> Values.wholeNumber(value);
                case SECONDS -> Values.seconds(value);
                case COUNTING -> value instanceof String text ? IterationCounting.ofLabel(text) : null;
            };
        }

        String problem(Object value) {
            return switch (this) {
                case WHOLE_NUMBER -> Values.wholeNumberProblem(value);
                case SECONDS -> "must be a number of seconds, not " + Values.describe(value);
                case COUNTING -> "must be 'node_executions' or 'steps', not " + Values.describe(value)
                        + (value instanceof String text ? Suggest.didYouMean(text, COUNTING_LABELS) : "");
            };
        }
    }

    private static final List<String> COUNTING_LABELS = java.util.Arrays.stream(IterationCounting.values())
            .map(IterationCounting::label).toList();

    /** The first written of {@code keys} (execution block first), as a whole number or as seconds. */
    private Object limit(Scope scope, NodeDraft workflow, List<Fields> sources, String field, LimitKind kind,
                         String... keys) {
        Object result = null;
        List<Object> used = null;
        for (Fields source : sources) {
            for (String key : keys) {
                Object value = source.get(key);
                if (value == null) {
                    continue;
                }
                List<Object> path = source.path(key);
                if (used != null) {
                    scope.check(path, null, "'" + Paths.format(path.subList(workflow.path.size(), path.size()))
                            + "' is ignored: '" + Paths.format(used.subList(workflow.path.size(), used.size()))
                            + "' is also set and is used");
                    continue;
                }
                used = path;
                workflow.fieldPaths.put(field, path);
                result = kind.read(value);
                if (result == null) {
                    workflow.reported.add(field);
                    scope.error(path, null, "'" + key + "' " + kind.problem(value));
                }
            }
        }
        return result;
    }

    /** Auto-chaining, END tokens, ignored edges; builds the records. */
    private List<NodeDefinition> resolve(Scope scope, List<NodeDraft> placed) {
        Set<String> ids = new HashSet<>();
        for (NodeDraft draft : placed) {
            ids.add(draft.id);
        }
        Map<String, String> parentOf = new LinkedHashMap<>();
        for (NodeDraft draft : placed) {
            if ("parallel".equals(draft.type)) {
                for (String child : draft.children) {
                    parentOf.putIfAbsent(child, draft.id);
                }
            }
        }
        UnaryOperator<String> target = id -> END_TOKENS.contains(id) && !ids.contains(id) ? NodeDefinition.END : id;

        List<NodeDefinition> nodes = new ArrayList<>();
        for (int k = 0; k < placed.size(); k++) {
            NodeDraft draft = placed.get(k);
            List<String> next = new ArrayList<>();
            boolean chained = false;
            List<String> ignored = new ArrayList<>();
            for (String written : draft.writtenNext) {
                if (!NodeDefinition.END.equals(target.apply(written))) {
                    ignored.add(written);
                }
            }
            List<Object> nextPath = Paths.append(draft.path, "next");
            if (draft.isCondition() && !draft.reported.contains("type")) {
                if (!ignored.isEmpty()) {
                    scope.checkAtKey(nextPath, draft.id, "a condition routes with its branches; its 'next' "
                            + Values.quoted(ignored) + " is ignored");
                }
            } else if (parentOf.containsKey(draft.id)) {
                if (!ignored.isEmpty()) {
                    scope.checkAtKey(nextPath, draft.id, "'next' " + Values.quoted(ignored) + " is ignored: '" + draft.id
                            + "' is a child of parallel node '" + parentOf.get(draft.id)
                            + "', and a child ends when its own work ends");
                }
            } else if (draft.hasNextKey) {
                for (int j = 0; j < draft.writtenNext.size(); j++) {
                    String written = draft.writtenNext.get(j);
                    if (!NodeDefinition.END.equals(target.apply(written))) {
                        next.add(written);
                        draft.resolvedNextPaths.add(draft.writtenNextPaths.get(j));
                    }
                }
                if (draft.writtenNext.size() > 1 && next.size() <= 1) {
                    draft.reported.add("next");
                    scope.error(nextPath, draft.id, "'next' has " + draft.writtenNext.size() + " targets "
                            + Values.quoted(draft.writtenNext) + "; a node has one successor (use a parallel node to run"
                            + " several at once)");
                }
            } else {
                for (int m = k + 1; m < placed.size(); m++) {
                    if (!parentOf.containsKey(placed.get(m).id)) {
                        next.add(placed.get(m).id);
                        chained = true;
                        break;
                    }
                }
            }
            nodes.add(draft.builder.build(next, chained, target));
        }
        return nodes;
    }

    /** Where the parts of a workflow read from a tree are. */
    private static final class DraftLocator implements Locator {
        private final Scope scope;
        private final NodeDraft workflow;
        private final List<NodeDraft> nodes;

        DraftLocator(Scope scope, NodeDraft workflow, List<NodeDraft> nodes) {
            this.scope = scope;
            this.workflow = workflow;
            this.nodes = nodes;
        }

        @Override
        public Site workflow() {
            return scope.atKey(workflow.path);
        }

        @Override
        public Site workflowField(String key) {
            List<Object> path = workflow.fieldPath(key);
            return path == workflow.path ? workflow() : scope.at(path);
        }

        @Override
        public Site node(int index) {
            return scope.at(nodes.get(index).path);
        }

        @Override
        public Site field(int index, String field) {
            return scope.at(nodes.get(index).fieldPath(field));
        }

        @Override
        public Site nextTarget(int index, int position) {
            NodeDraft draft = nodes.get(index);
            return position < draft.resolvedNextPaths.size() ? scope.at(draft.resolvedNextPaths.get(position))
                    : node(index);
        }

        @Override
        public Site branch(int index, String label) {
            List<Object> path = nodes.get(index).branchPaths.get(label);
            return path == null ? field(index, "branches") : scope.at(path);
        }

        @Override
        public Site defaultTarget(int index) {
            List<Object> path = nodes.get(index).defaultPath;
            return path == null ? field(index, "branches") : scope.at(path);
        }

        @Override
        public Site child(int index, int position) {
            NodeDraft draft = nodes.get(index);
            return position < draft.childPaths.size() ? scope.at(draft.childPaths.get(position))
                    : field(index, "parallel_nodes");
        }

        @Override
        public boolean reported(int index, String field) {
            return nodes.get(index).reported.contains(field);
        }

        @Override
        public boolean reportedWorkflow(String key) {
            return workflow.reported.contains(key);
        }
    }
}
