package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.registry.internal.UriRedaction;

import dev.victor.workflow.engine.InMemoryCheckpointStore;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.Interrupt;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunEvent;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.engine.render.Json;
import dev.victor.workflow.registry.CacheStatistics;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.registry.PluginInfo;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The logic of the {@code workflow:*} commands, without a framework: each method takes the
 * arguments and where to print, and returns an exit status.
 *
 * <p>Status: 0 success (a run that completed or stopped at a human-in-the-loop node; a valid
 * source); 1 failure (a run that failed, hit a limit, timed out or was cancelled; an invalid or
 * unreadable source; an unknown scheme); 2 a wrong argument.
 *
 * <p>With {@code json}, the last line printed is one JSON document (see each method).
 */
public final class WorkflowCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private static final int REMEMBERED_THREADS = 1000;

    private final DefaultWorkflowCompilerRegistry registry;
    private final CheckpointStore ownStore = new InMemoryCheckpointStore();
    private final Map<String, RunOrigin> threads = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RunOrigin> eldest) {
                    return size() > REMEMBERED_THREADS;
                }
            });

    /** How a dry run's checkpoints name their workflow: this prefix, then its URI. */
    static final String DRY_RUN_ORIGIN = "dry-run:";

    private record RunOrigin(String uri, String workflow, boolean dryRun, Map<String, String> branches) {
    }

    public WorkflowCommands(DefaultWorkflowCompilerRegistry registry) {
        this.registry = registry;
    }

    // ---------------------------------------------------------------- schemes

    /** Every plugin for every scheme: scheme, plugin, bundle, ranking, enabled, active. */
    public int schemes(PrintStream out) {
        List<PluginInfo> plugins = registry.plugins();
        if (plugins.isEmpty()) {
            out.println("No compiler plugins are installed.");
            return OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SCHEME", "PLUGIN", "BUNDLE", "RANKING", "ENABLED", "ACTIVE"});
        for (PluginInfo info : plugins) {
            rows.add(new String[] {info.scheme(), info.pluginClass(), info.origin(),
                    info.ranking() == Integer.MAX_VALUE ? "code" : String.valueOf(info.ranking()),
                    String.valueOf(info.enabled()), info.active() ? "*" : ""});
        }
        table(rows, out);
        return OK;
    }

    static void table(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    // ---------------------------------------------------------------- compile

    /**
     * Compiles one workflow, or (without a name) every workflow the source holds. JSON:
     * {@code {"workflows": [{"name", "nodes", "edges", "warnings"}]}} with node and edge counts and
     * warnings as problem objects; on failure {@code {"workflows": [], "error", "problems"}}.
     */
    public int compile(String uri, String workflow, boolean json, PrintStream out) {
        List<Map<String, Object>> compiled = new ArrayList<>();
        try {
            for (String name : names(uri, workflow)) {
                CompiledGraph graph = registry.compile(uri, name, true);
                GraphView view = graph.getGraph();
                out.println("compiled " + graph.name() + ": " + view.nodes().size() + " nodes, " + view.edges().size()
                        + " edges" + (graph.warnings().isEmpty() ? "" : ", " + graph.warnings().size() + " warnings"));
                graph.warnings().forEach(problem -> out.println("  " + shown(problem)));
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", graph.name());
                item.put("nodes", view.nodes().size());
                item.put("edges", view.edges().size());
                item.put("warnings", problems(graph.warnings(), name));
                compiled.add(item);
            }
        } catch (WorkflowException e) {
            printFailure(e, out);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("workflows", compiled);
                doc.put("error", UriRedaction.text(e.getMessage().lines().findFirst().orElse("")));
                doc.put("problems", problems(problemsOf(e), workflow));
                out.println(Json.write(doc));
            }
            return FAILED;
        }
        if (json) {
            out.println(Json.write(Map.of("workflows", compiled)));
        }
        return OK;
    }

    private List<String> names(String uri, String workflow) {
        if (workflow != null) {
            return List.of(workflow);
        }
        List<String> names = registry.workflowNames(uri);
        return names.isEmpty() ? Collections.singletonList(null) : names;
    }

    // ---------------------------------------------------------------- validate

    /**
     * Validates one workflow or every workflow of the source and prints its problems with line and
     * column. JSON: {@code {"valid", "problems": [{"severity", "message", "workflow", "node", "line", "column"}]}}.
     */
    public int validate(String uri, String workflow, boolean json, PrintStream out) {
        List<Map<String, Object>> found = new ArrayList<>();
        boolean valid = true;
        List<String> names;
        try {
            names = names(uri, workflow);
        } catch (WorkflowException e) {
            names = List.of();
            valid = false;
            found.addAll(problems(problemsOf(e), workflow));
            problemsOf(e).forEach(problem -> out.println(shown(problem)));
        }
        for (String name : names) {
            try {
                CompiledGraph graph = registry.compile(uri, name, true);
                graph.warnings().forEach(problem -> out.println(shown(problem)));
                found.addAll(problems(graph.warnings(), graph.name()));
            } catch (WorkflowException e) {
                valid = false;
                problemsOf(e).forEach(problem -> out.println(shown(problem)));
                found.addAll(problems(problemsOf(e), name));
            }
        }
        out.println(UriRedaction.text(uri) + (valid ? " is valid" : " is invalid"));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("valid", valid);
            doc.put("problems", found);
            out.println(Json.write(doc));
        }
        return valid ? OK : FAILED;
    }

    private static List<Problem> problemsOf(WorkflowException e) {
        return e.problems().isEmpty() ? List.of(Problem.error(e.getMessage())) : e.problems();
    }

    private static List<Map<String, Object>> problems(List<Problem> problems, String workflow) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem problem : problems) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
            item.put("message", UriRedaction.text(problem.message()));
            item.put("workflow", problem.workflow() != null ? problem.workflow() : workflow);
            item.put("node", problem.node());
            item.put("line", problem.line());
            item.put("column", problem.column());
            list.add(item);
        }
        return list;
    }

    static void printFailure(WorkflowException e, PrintStream out) {
        out.println("error: " + UriRedaction.text(e.getMessage().lines().findFirst().orElse("")));
        e.problems().forEach(problem -> out.println("  " + shown(problem)));
    }

    /** A problem as printed: a URI in it keeps no password, token or other secret. */
    private static String shown(Problem problem) {
        return UriRedaction.text(problem.format());
    }

    // ---------------------------------------------------------------- run and resume

    /**
     * Runs a workflow, printing its events as they happen and then the result. {@code stateJson}
     * is a JSON object (or {@code null}). With {@code dryRun}, every handler, tool, node type or
     * agent runtime that is not installed is replaced by a placeholder, and each is reported.
     * JSON: {@code {"status", "threadId", "state", "error", "iterations", "history", "interrupt",
     * "warnings"}} plus {@code "placeholders"} and {@code "choices"} (the branches taken without
     * routing on a value) for a dry run. {@code branches} ({@code NODE=LABEL} each) steer the
     * conditions of a dry run.
     */
    public int run(String uri, String stateJson, String workflow, boolean json, boolean dryRun, PrintStream out) {
        return run(uri, stateJson, workflow, json, dryRun, List.of(), out);
    }

    public int run(String uri, String stateJson, String workflow, boolean json, boolean dryRun,
                   List<String> branchArguments, PrintStream out) {
        Map<String, String> branches;
        try {
            branches = branches(branchArguments, dryRun);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return USAGE;
        }
        Map<String, Object> state;
        try {
            state = state(stateJson);
        } catch (IllegalArgumentException e) {
            out.println("error: the state " + e.getMessage());
            return USAGE;
        }
        CompiledGraph graph;
        try {
            graph = registry.compile(uri, workflow);
        } catch (WorkflowException e) {
            printFailure(e, out);
            return FAILED;
        }
        List<String> notConditions = branches.keySet().stream().filter(node -> graph.getGraph().nodes().stream()
                .noneMatch(view -> view.id().equals(node) && view.type().equals("condition"))).sorted().toList();
        if (!notConditions.isEmpty()) {
            out.println("error: --branch names no condition node of " + graph.name() + ": "
                    + String.join(", ", notConditions) + " (its conditions: " + String.join(", ", graph.getGraph().nodes()
                    .stream().filter(view -> view.type().equals("condition")).map(view -> view.id()).toList()) + ")");
            return USAGE;
        }
        DryRunServices dry = dryRun ? new DryRunServices(installed()) : null;
        RunConfig config = config(dry, branches);
        if (dryRun) {
            config = config.origin(DRY_RUN_ORIGIN + uri);
        }
        RunResult result = stream(graph.stream(state, config), out);
        if (result != null && result.threadId() != null) {
            threads.put(result.threadId(), new RunOrigin(uri, workflow, dryRun, branches));
        }
        return finish(result, dry, json, out);
    }

    /** {@code NODE=LABEL} arguments (each may hold several, separated by commas) as a map. */
    private static Map<String, String> branches(List<String> arguments, boolean dryRun) {
        Map<String, String> branches = new LinkedHashMap<>();
        for (String argument : arguments == null ? List.<String>of() : arguments) {
            for (String pair : argument.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("--branch takes NODE=LABEL, such as --branch check=true (got '"
                            + pair + "')");
                }
                branches.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        if (!branches.isEmpty() && !dryRun) {
            throw new IllegalArgumentException("--branch steers a dry run only: add --dry-run");
        }
        return branches;
    }

    /**
     * Resumes an interrupted run with the human's response (JSON, or plain text taken as a
     * string; text that begins like JSON must be JSON). A response the node refuses leaves the
     * thread waiting. The run must have been started by {@code run} here, or {@code uri} must name its
     * workflow.
     */
    public int resume(String threadId, String responseJson, String uri, String workflow, boolean json, PrintStream out) {
        return resume(threadId, responseJson, uri, workflow, ResumeOptions.none(), json, out);
    }

    /**
     * Resumes as {@link #resume(String, String, String, String, boolean, PrintStream)} does, with the
     * pause the answer is for (refused when the thread waits at another one) and whether to migrate
     * a run whose workflow changed since it paused.
     */
    public int resume(String threadId, String responseJson, String uri, String workflow, ResumeOptions options,
                      boolean json, PrintStream out) {
        RunOrigin origin = threads.get(threadId);
        if (uri != null) {
            origin = new RunOrigin(uri, workflow, origin != null && origin.dryRun(),
                    origin != null ? origin.branches() : Map.of());
        }
        if (origin == null) {
            origin = storedOrigin(threadId);
        }
        if (origin == null) {
            out.println("error: no interrupted run with thread " + threadId + " is known here (no checkpoint names"
                    + " its workflow); name its workflow with --uri");
            return USAGE;
        }
        Object response;
        try {
            response = response(responseJson);
        } catch (IllegalArgumentException e) {
            out.println("error: the response " + e.getMessage() + "; the thread still waits for an answer");
            return USAGE;
        }
        CompiledGraph graph;
        try {
            graph = registry.compile(origin.uri(), origin.workflow());
        } catch (WorkflowException e) {
            printFailure(e, out);
            return FAILED;
        }
        DryRunServices dry = origin.dryRun() ? new DryRunServices(installed()) : null;
        RunResult result;
        try {
            result = graph.resume(threadId, response, config(dry, origin.branches()).threadId(threadId), options);
        } catch (WorkflowException e) {
            printFailure(e, out);
            return FAILED;
        }
        printEvent(new RunEvent.RunFinished(result), out);
        return finish(result, dry, json, out);
    }

    /**
     * The response as JSON; other plain text (such as {@code ok}) as a string. Text that begins like
     * JSON ({@code { [ "}) must be valid JSON: a typo never becomes an answer.
     */
    private static Object response(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.read(text);
        } catch (IllegalArgumentException e) {
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[") || start.startsWith("\"")) {
                throw e;
            }
            return text;
        }
    }

    /**
     * The origin a checkpoint in the store remembers (a run started by another process); a dry
     * run's origin is its URI after {@link #DRY_RUN_ORIGIN}, and it resumes as a dry run.
     */
    private RunOrigin storedOrigin(String threadId) {
        CheckpointStore store = store();
        return store.load(threadId)
                .filter(checkpoint -> checkpoint.origin() != null)
                .map(checkpoint -> checkpoint.origin().startsWith(DRY_RUN_ORIGIN)
                        ? new RunOrigin(checkpoint.origin().substring(DRY_RUN_ORIGIN.length()), checkpoint.workflow(),
                                true, Map.of())
                        : new RunOrigin(checkpoint.origin(), checkpoint.workflow(), false, Map.of()))
                .orElse(null);
    }

    /** The store the runs of these commands use: the installed one, else one in memory. */
    CheckpointStore store() {
        return installed().checkpointStore().orElse(ownStore);
    }

    NodeServices installed() {
        NodeServices services = registry.nodeServices();
        return services != null ? services : NodeServices.none();
    }

    RunConfig config(DryRunServices dry, Map<String, String> branches) {
        RunConfig config = RunConfig.defaults().branches(branches);
        if (dry != null) {
            config = config.services(dry);
        }
        if (installed().checkpointStore().isEmpty()) {
            config = config.checkpointStore(ownStore);
        }
        return config;
    }

    private static Map<String, Object> state(String stateJson) {
        if (stateJson == null || stateJson.isBlank()) {
            return Map.of();
        }
        Object value = Json.read(stateJson);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("must be a JSON object, such as {\"topic\": \"osgi\"}");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        map.forEach((key, item) -> state.put(String.valueOf(key), item));
        return state;
    }

    private static RunResult stream(Stream<RunEvent> events, PrintStream out) {
        RunResult result = null;
        try (events) {
            UsageDocument.Pieces pieces = new UsageDocument.Pieces(out);
            for (RunEvent event : (Iterable<RunEvent>) events::iterator) {
                if (pieces.print(event)) {
                    continue;
                }
                printEvent(event, out);
                if (event instanceof RunEvent.RunFinished finished) {
                    result = finished.result();
                }
            }
        }
        return result;
    }

    static void printEvent(RunEvent event, PrintStream out) {
        if (event instanceof RunEvent.RunStarted started) {
            out.println((started.resumed() ? "resumed " : "started ") + started.workflow() + " (thread "
                    + started.threadId() + ") at " + started.entryNode());
        } else if (event instanceof RunEvent.NodeStarted started) {
            out.println("  > " + started.nodeId() + " [" + started.nodeType() + "] #" + started.iteration());
        } else if (event instanceof RunEvent.NodeCompleted completed) {
            out.println("  < " + completed.nodeId() + " " + completed.duration().toMillis() + " ms "
                    + Json.write(completed.updates()));
        } else if (event instanceof RunEvent.NodeFailed failed) {
            out.println("  ! " + failed.nodeId() + " failed: " + failed.message()
                    + (failed.willRetry() ? " (retrying)" : ""));
        } else if (event instanceof RunEvent.RunWarning warning) {
            out.println("  warning" + (warning.nodeId() == null ? "" : " at " + warning.nodeId()) + ": "
                    + warning.message());
        } else if (event instanceof RunEvent.TokensUsed used) {
            out.println("  $ " + used.nodeId() + (used.memberId() == null ? "" : " (" + used.memberId() + ")") + ": "
                    + used.usage().inputTokens() + " input and " + used.usage().outputTokens() + " output tokens");
        } else if (event instanceof RunEvent.Interrupted interrupted) {
            Interrupt interrupt = interrupted.interrupt();
            out.println("  ? " + interrupt.nodeId() + " waits for " + interrupt.type() + ": " + interrupt.prompt()
                    + (interrupt.choices().isEmpty() ? "" : " " + interrupt.choices()) + " (pause " + interrupt.id() + ")");
        } else if (event instanceof RunEvent.RunFinished finished) {
            RunResult result = finished.result();
            out.println("finished " + result.status() + " after " + result.iterations() + " iterations in "
                    + result.duration().toMillis() + " ms");
        }
    }

    static int finish(RunResult result, DryRunServices dry, boolean json, PrintStream out) {
        if (result == null) {
            out.println("error: the run ended without a result");
            return FAILED;
        }
        if (result.error() != null) {
            out.println("error" + (result.error().nodeId() == null ? "" : " at " + result.error().nodeId()) + ": "
                    + result.error().message());
        }
        if (result.interrupt() != null) {
            out.println("waiting at pause " + result.interrupt().id() + ": resume with  workflow:resume --pause "
                    + result.interrupt().id() + " " + result.threadId() + " <response-json>");
        }
        result.warnings().forEach(warning -> out.println("warning: " + warning));
        if (dry != null) {
            out.println(dry.placeholders().isEmpty() ? "dry run: every service was installed"
                    : "dry run placeholders: " + String.join(", ", dry.placeholders()));
        }
        out.println("state: " + Json.write(result.state()));
        if (json) {
            out.println(Json.write(resultDocument(result, dry)));
        }
        return result.status() == RunStatus.COMPLETED || result.status() == RunStatus.INTERRUPTED ? OK : FAILED;
    }

    static Map<String, Object> resultDocument(RunResult result, DryRunServices dry) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", result.status().name());
        doc.put("threadId", result.threadId());
        doc.put("state", result.state());
        if (result.error() == null) {
            doc.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("node", result.error().nodeId());
            error.put("message", result.error().message());
            error.put("type", result.error().type());
            doc.put("error", error);
        }
        doc.put("iterations", result.iterations());
        doc.put("history", result.nodeHistory());
        Interrupt interrupt = result.interrupt();
        if (interrupt == null) {
            doc.put("interrupt", null);
        } else {
            Map<String, Object> pending = new LinkedHashMap<>();
            pending.put("pause", interrupt.id());
            pending.put("node", interrupt.nodeId());
            pending.put("type", interrupt.type());
            pending.put("prompt", interrupt.prompt());
            pending.put("choices", interrupt.choices());
            pending.put("deadline", interrupt.deadline() == null ? null : interrupt.deadline().toString());
            doc.put("interrupt", pending);
        }
        doc.put("warnings", result.warnings());
        if (!result.tokenUsage().isEmpty()) {
            doc.put("tokenUsage", UsageDocument.of(result));
        }
        if (dry != null) {
            doc.put("placeholders", dry.placeholders());
            doc.put("choices", result.warnings().stream().filter(warning -> warning.startsWith("dry run: ")).toList());
        }
        return doc;
    }

    // ---------------------------------------------------------------- graph and cache

    /** Prints the graph as Mermaid (the default), DOT or JSON. */
    public int graph(String uri, String format, String workflow, PrintStream out) {
        String chosen = format == null ? "mermaid" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("mermaid", "dot", "json").contains(chosen)) {
            out.println("error: unknown format '" + format + "'; use mermaid, dot or json");
            return USAGE;
        }
        try {
            GraphView view = registry.compile(uri, workflow).getGraph();
            out.println(switch (chosen) {
                case "dot" -> view.toDot();
                case "json" -> view.toJson();
                default -> view.toMermaid();
            });
            return OK;
        } catch (WorkflowException e) {
            printFailure(e, out);
            return FAILED;
        }
    }

    /** Prints the cache's statistics; {@code clear} empties it first. */
    public int cache(String action, PrintStream out) {
        if (action != null && !action.equalsIgnoreCase("clear") && !action.equalsIgnoreCase("stats")) {
            out.println("error: unknown cache action '" + action + "'; use 'cache' or 'cache clear'");
            return USAGE;
        }
        if (action != null && action.equalsIgnoreCase("clear")) {
            registry.clearCache();
            out.println("cache cleared");
        }
        CacheStatistics stats = registry.cacheStatistics();
        out.println("size:          " + stats.size() + " / " + stats.maximumSize());
        out.println("ttl:           " + (stats.ttl() == null ? "none" : stats.ttl()));
        out.println("hits:          " + stats.hits());
        out.println("misses:        " + stats.misses());
        out.println(String.format(Locale.ROOT, "hit rate:      %.1f%%", stats.hitRate() * 100));
        out.println("load failures: " + stats.loadFailures());
        out.println("evictions:     " + stats.evictions());
        out.println("invalidations: " + stats.invalidations());
        out.println(String.format(Locale.ROOT, "average load:  %.3f ms", stats.averageLoadNanos() / 1e6));
        return OK;
    }
}
