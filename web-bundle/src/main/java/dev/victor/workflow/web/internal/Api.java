package dev.victor.workflow.web.internal;

import dev.victor.workflow.engine.DryRunServices;
import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.NoSuchThreadException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunError;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.spi.Checkpoint;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The REST API's logic, without servlets: each route takes the request's parts and returns a
 * {@link Reply}, or throws an {@link ApiException}. Uses the public workflow API only: the
 * registry, compiled graphs, their results and events, and the checkpoint store.
 */
final class Api {

    static final Pattern THREAD_ID = Pattern.compile("[A-Za-z0-9._:~-]{1,255}");
    static final int MAX_WORKFLOW_NAME = 256;
    static final long CANCEL_WAIT_MILLIS = 10_000;

    /** A response: status, content type, body and extra headers. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }
    }

    /** Where the runs' checkpoints are, and which node services are installed. */
    interface Environment {
        CheckpointStore store();

        /** A store service is installed (else the web's own, in memory). */
        boolean durableStore();

        NodeServices installed();

        /** The plugin services, for people: scheme, plugin, bundle, ranking. */
        List<Map<String, Object>> plugins();
    }

    private final WorkflowCompilerRegistry registry;
    private final Environment environment;
    private final Settings settings;
    private final SourcePolicy sources;
    private final Runs runs;
    private final Json json;
    private final Clock clock;

    Api(WorkflowCompilerRegistry registry, Environment environment, Settings settings, Runs runs, Json json, Clock clock) {
        this.registry = registry;
        this.environment = environment;
        this.settings = settings;
        this.sources = new SourcePolicy(settings);
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    Json json() {
        return json;
    }

    Runs runs() {
        return runs;
    }

    // ---------------------------------------------------------------- schemes, validate, graph

    Reply schemes() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemes", registry.schemes().stream().sorted().toList());
        doc.put("allowed", settings.allowedSchemes().stream().sorted().toList());
        doc.put("plugins", environment.plugins());
        return Reply.json(200, json.write(doc));
    }

    Reply validate(byte[] body) {
        Map<String, Object> request = fields(body, Set.of("uri", "workflow"));
        String uri = sources.check(text(request, "uri", true));
        String workflow = workflowName(request.get("workflow"));
        Map<String, Object> doc = new LinkedHashMap<>();
        try {
            CompiledGraph graph = registry.compile(uri, workflow);
            doc.put("valid", true);
            doc.put("problems", Documents.problems(graph.warnings(), graph.name()));
        } catch (InvalidWorkflowException e) {
            doc.put("valid", false);
            doc.put("problems", Documents.problems(problemsOf(e), workflow));
        }
        return Reply.json(200, json.write(doc));
    }

    Reply graph(Map<String, String> query) {
        String format = query.getOrDefault("format", "mermaid").strip().toLowerCase(Locale.ROOT);
        if (!List.of("mermaid", "dot", "json").contains(format)) {
            throw ApiException.badRequest("unknown format '" + query.get("format") + "'; use mermaid, dot or json");
        }
        String uri = sources.check(query.get("uri"));
        GraphView view = compile(uri, workflowName(query.get("workflow"))).getGraph();
        return switch (format) {
            case "dot" -> new Reply(200, "text/vnd.graphviz", view.toDot(), Map.of());
            case "json" -> Reply.json(200, view.toJson());
            default -> new Reply(200, "text/plain", view.toMermaid(), Map.of());
        };
    }

    // ---------------------------------------------------------------- runs

    Reply startRun(byte[] body, Map<String, String> query) {
        boolean wait = flag(query.get("wait"), "wait", true);
        Map<String, Object> request = fields(body, Set.of("uri", "workflow", "state", "dryRun"));
        String uri = sources.check(text(request, "uri", true));
        String workflow = workflowName(request.get("workflow"));
        Object stateValue = request.get("state");
        if (stateValue != null && !(stateValue instanceof Map)) {
            throw ApiException.badRequest("'state' must be a JSON object, such as {\"topic\": \"osgi\"}");
        }
        Object dryValue = request.get("dryRun");
        if (dryValue != null && !(dryValue instanceof Boolean)) {
            throw ApiException.badRequest("'dryRun' must be true or false");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        if (stateValue instanceof Map<?, ?> map) {
            map.forEach((key, value) -> state.put(String.valueOf(key), value));
        }
        CompiledGraph graph = compile(uri, workflow);
        DryRunServices dry = Boolean.TRUE.equals(dryValue) ? new DryRunServices(environment.installed()) : null;
        String threadId = UUID.randomUUID().toString();
        RunConfig config = config(dry).threadId(threadId);
        RunRecord record = runs.start(threadId, dry, () -> graph.stream(state, config));
        Map<String, String> location = Map.of("Location", "/api/runs/" + threadId);
        if (wait && awaitEnd(record, settings.waitSeconds() * 1000L)) {
            return new Reply(200, "application/json", json.write(record.document()), location);
        }
        return new Reply(202, "application/json", json.write(record.document()), location);
    }

    Reply run(String threadId) {
        checkThreadId(threadId);
        Optional<RunRecord> record = runs.get(threadId);
        if (record.isPresent()) {
            return Reply.json(200, json.write(record.get().document()));
        }
        Checkpoint checkpoint = waiting(threadId)
                .orElseThrow(() -> ApiException.notFound("No run with thread " + threadId + " is known here"));
        return Reply.json(200, json.write(Documents.waiting(checkpoint)));
    }

    /** The run whose events a stream follows. */
    RunRecord eventsOf(String threadId) {
        checkThreadId(threadId);
        return runs.get(threadId).orElseThrow(() -> ApiException.notFound("No run with thread " + threadId
                + " is known here (events are kept for the runs this server started or resumed)"));
    }

    Reply cancel(String threadId) {
        checkThreadId(threadId);
        Optional<RunRecord> record = runs.get(threadId);
        if (record.isPresent() && record.get().cancel()) {
            boolean ended = awaitEnd(record.get(), CANCEL_WAIT_MILLIS);
            return Reply.json(ended ? 200 : 202, json.write(record.get().document()));
        }
        if (record.isPresent() && record.get().result().status() != RunStatus.INTERRUPTED) {
            throw ApiException.conflict("Thread " + threadId + " has finished already (" + record.get().result().status() + ")");
        }
        Checkpoint checkpoint = waiting(threadId)
                .orElseThrow(() -> record.isPresent()
                        ? ApiException.conflict("Thread " + threadId + " no longer waits (answered or cancelled elsewhere)")
                        : ApiException.notFound("No run with thread " + threadId + " is known here"));
        if (!environment.store().delete(threadId)) {
            throw ApiException.conflict("Thread " + threadId + " no longer waits (answered or cancelled elsewhere)");
        }
        String node = checkpoint.pending().nodeId();
        RunResult cancelled = new RunResult(RunStatus.CANCELLED, threadId, checkpoint.state(),
                new RunError(node, "the run was cancelled while it waited at node '" + node + "'", "cancelled", null),
                checkpoint.iterations(), Duration.ZERO, checkpoint.history(), null, List.of());
        runs.ended(threadId, cancelled);
        return Reply.json(200, json.write(Documents.result(cancelled, null)));
    }

    // ---------------------------------------------------------------- the inbox and resume

    Reply threads(Map<String, String> query) {
        String status = query.getOrDefault("status", "interrupted").strip().toLowerCase(Locale.ROOT);
        if (!status.equals("interrupted")) {
            throw ApiException.badRequest("unknown status '" + query.get("status")
                    + "'; the inbox lists the runs waiting for a person: status=interrupted");
        }
        Inbox.Listing listing = new Inbox(environment.store(), settings.inboxLimit()).list();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("threads", listing.waiting().stream().map(checkpoint -> Documents.inboxEntry(checkpoint, clock.instant())).toList());
        doc.put("truncated", listing.truncated());
        doc.put("durable", environment.durableStore());
        return Reply.json(200, json.write(doc));
    }

    Reply resume(String threadId, byte[] body) {
        checkThreadId(threadId);
        Map<String, Object> request = fields(body, Set.of("response", "pause"));
        if (!request.containsKey("response")) {
            throw ApiException.badRequest("'response' is required: the person's answer (true, false, a text or an object)");
        }
        Object response = request.get("response");
        Object pause = request.get("pause");
        if (pause != null && !(pause instanceof String)) {
            throw ApiException.badRequest("'pause' is the id of the pause the answer is for, a string");
        }
        Optional<RunRecord> record = runs.get(threadId);
        if (record.isPresent() && !record.get().finished()) {
            throw ApiException.conflict("Thread " + threadId + " is running now");
        }
        Checkpoint checkpoint = waiting(threadId).orElseThrow(() -> ApiException.notFound(
                "No interrupted run with thread " + threadId + " is known here"));
        if (checkpoint.origin() == null) {
            throw ApiException.conflict("The checkpoint of thread " + threadId + " names no workflow URI;"
                    + " resume it with workflow:resume --uri");
        }
        String uri = sources.check(checkpoint.origin());
        CompiledGraph graph = compile(uri, checkpoint.workflow());
        RunConfig config = config(null).threadId(threadId);
        RunRecord resumed;
        try {
            resumed = runs.resume(threadId, () -> graph.resume(threadId, response, config,
                    ResumeOptions.none().pauseId((String) pause)));
        } catch (AlreadyResumedException e) {
            throw ApiException.conflict(firstLine(e));
        } catch (NoSuchThreadException e) {
            throw ApiException.notFound(firstLine(e));
        } catch (WorkflowException e) {
            throw compileFailure(e);
        }
        return Reply.json(200, json.write(resumed.document()));
    }

    // ---------------------------------------------------------------- health

    Reply health() {
        Health.Report report = new Health(registry, environment, sources, settings.inboxLimit()).check();
        return Reply.json(report.up() ? 200 : 503, json.write(report.document()));
    }

    // ---------------------------------------------------------------- helpers

    private RunConfig config(DryRunServices dry) {
        RunConfig config = RunConfig.defaults().checkpointStore(environment.store());
        return dry == null ? config : config.services(dry);
    }

    private Optional<Checkpoint> waiting(String threadId) {
        try {
            return environment.store().load(threadId).filter(checkpoint -> checkpoint.pending() != null);
        } catch (WorkflowException e) {
            throw new ApiException(503, "Service unavailable", firstLine(e));
        }
    }

    private CompiledGraph compile(String uri, String workflow) {
        try {
            return registry.compile(uri, workflow);
        } catch (WorkflowException e) {
            throw compileFailure(e);
        }
    }

    private static ApiException compileFailure(WorkflowException e) {
        String detail = firstLine(e);
        List<Map<String, Object>> problems = Documents.problems(problemsOf(e), null);
        if (e instanceof WorkflowSourceNotFoundException) {
            return new ApiException(404, "Workflow source not found", detail, problems, Map.of());
        } else if (e instanceof WorkflowSourceUnavailableException) {
            return new ApiException(503, "Workflow source unavailable", detail, problems, Map.of());
        } else if (e instanceof UnknownSchemeException) {
            return new ApiException(400, "Unknown scheme", detail, problems, Map.of());
        } else if (e instanceof InvalidWorkflowException) {
            return new ApiException(422, "Invalid workflow", detail, problems, Map.of());
        }
        return new ApiException(422, "Workflow error", detail, problems, Map.of());
    }

    private static List<Problem> problemsOf(WorkflowException e) {
        return e.problems().isEmpty() ? List.of(Problem.error(firstLine(e))) : e.problems();
    }

    static String firstLine(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private boolean awaitEnd(RunRecord record, long millis) {
        try {
            return record.awaitEnd(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record.finished();
        }
    }

    private Map<String, Object> fields(byte[] body, Set<String> known) {
        Map<String, Object> request = json.readObject(body);
        for (String key : request.keySet()) {
            if (!known.contains(key)) {
                throw ApiException.badRequest("unknown field '" + key + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return request;
    }

    private static String text(Map<String, Object> request, String key, boolean required) {
        Object value = request.get(key);
        if (value == null) {
            if (required) {
                throw ApiException.badRequest("'" + key + "' is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiException.badRequest("'" + key + "' must be a string");
        }
        return text;
    }

    private static String workflowName(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > MAX_WORKFLOW_NAME) {
            throw ApiException.badRequest("'workflow' must be a workflow's name (a string of at most "
                    + MAX_WORKFLOW_NAME + " characters)");
        }
        return text.strip();
    }

    private static boolean flag(String value, String name, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("'" + name + "' must be true or false, was '" + value + "'");
        };
    }

    private static void checkThreadId(String threadId) {
        if (threadId == null || !THREAD_ID.matcher(threadId).matches()) {
            throw ApiException.badRequest("Not a thread id: 1 to 255 letters, digits and . _ : ~ -");
        }
    }
}
