package dev.victor.workflow.registry.internal.command;

import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.registry.RegistryAdmin;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.PrintStream;

/**
 * The Gogo commands of scope {@code workflow}: a thin adapter over {@link WorkflowCommands}. A
 * command whose status is not 0 ends with a {@link CommandFailedException} carrying the status,
 * after its output.
 */
@Component(service = GogoCommands.class, property = {
        "osgi.command.scope=workflow",
        "osgi.command.function=schemes",
        "osgi.command.function=compile",
        "osgi.command.function=validate",
        "osgi.command.function=run",
        "osgi.command.function=resume",
        "osgi.command.function=history",
        "osgi.command.function=fork",
        "osgi.command.function=graph",
        "osgi.command.function=cache",
        CommandDescriptions.USAGE + "schemes=schemes",
        CommandDescriptions.USAGE + "compile=compile [-w|--workflow NAME] [--json] URI",
        CommandDescriptions.USAGE + "validate=validate [-w|--workflow NAME] [--json] URI",
        CommandDescriptions.USAGE + "run=run [-w|--workflow NAME] [--json] [--dry-run] [--branch NODE=LABEL,...] URI"
                + " [STATE-JSON]",
        CommandDescriptions.USAGE + "resume=resume [--uri URI] [-w|--workflow NAME] [--json] [--pause ID] [--migrate]"
                + " THREAD RESPONSE-JSON",
        CommandDescriptions.USAGE + "history=history [--json] THREAD [STEP]",
        CommandDescriptions.USAGE + "fork=fork [--uri URI] [--json] THREAD STEP [STATE-PATCH-JSON]",
        CommandDescriptions.USAGE + "graph=graph [-w|--workflow NAME] URI [mermaid|dot|json]",
        CommandDescriptions.USAGE + "cache=cache [clear]",
        CommandDescriptions.SUMMARY + "run=runs a workflow (from an initial state), printing its events as they"
                + " happen and then the result",
        CommandDescriptions.SUMMARY + "history=lists a thread's checkpoints, or prints the one at a step with its state",
        CommandDescriptions.SUMMARY + "fork=starts a new thread from a step of a thread's history (its state changed"
                + " by a patch); the original stays as it was",
        CommandDescriptions.SUMMARY + "graph=prints a workflow's graph as mermaid (the default), dot or json",
        CommandDescriptions.SUMMARY + "cache=prints the compiled-graph cache's statistics; 'cache clear' empties it"})
public final class GogoCommands {

    private static final String ABSENT = "\u0000";

    private final WorkflowCommands commands;
    private final ThreadCommands threads;

    @Activate
    public GogoCommands(@Reference(name = "registry") RegistryAdmin registry) {
        this.commands = new WorkflowCommands(registry);
        this.threads = new ThreadCommands(registry, commands);
    }

    /**
     * The session variable a launcher sets in a session that runs one command with its arguments
     * as given (no Gogo parsing): there the shell's quoting advice does not apply.
     */
    public static final String ONE_SHOT = "victor.oneshot";

    /** A command's non-zero exit status. */
    public static final class CommandFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CommandFailedException(String command, int status) {
            super("workflow:" + command + " failed (status " + status + ")");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static void check(String command, int status) {
        if (status != 0) {
            throw new CommandFailedException(command, status);
        }
    }

    private static PrintStream out(CommandSession session) {
        return session.getConsole();
    }

    /**
     * A wrong JSON argument typed into a shell is usually a quoting mistake: the shell reminds
     * that JSON goes in single quotes (not after a {@code --json} document, which ends the output).
     */
    private static void check(String command, int status, CommandSession session, boolean json,
                              String... jsonArguments) {
        if (status == WorkflowCommands.USAGE && !json && !Boolean.TRUE.equals(session.get(ONE_SHOT))) {
            for (String argument : jsonArguments) {
                if (JsonArguments.looksLikeJson(argument) && !JsonArguments.valid(argument)) {
                    out(session).println("hint: " + JsonArguments.SHELL_QUOTING);
                    break;
                }
            }
        }
        check(command, status);
    }

    private static final String BRANCH = "dry run: the branches conditions take, NODE=LABEL[,NODE=LABEL...]";

    private static java.util.List<String> branches(String value) {
        return ABSENT.equals(value) ? java.util.List.of() : java.util.List.of(value);
    }

    private static String given(String value) {
        return ABSENT.equals(value) ? null : value;
    }

    @Descriptor("lists the compiler plugins: scheme, plugin, bundle, ranking, enabled, active")
    public void schemes(CommandSession session) {
        check("schemes", commands.schemes(out(session)));
    }

    @Descriptor("compiles a workflow URI (every workflow in it unless --workflow names one)")
    public void compile(CommandSession session,
                        @Descriptor("the workflow to compile") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                        @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                        @Descriptor("workflow URI, such as yaml://flows/review.yaml") String uri) {
        check("compile", commands.compile(uri, given(workflow), json, out(session)));
    }

    @Descriptor("validates a workflow URI and prints its problems with line and column; fails when invalid")
    public void validate(CommandSession session,
                         @Descriptor("the workflow to validate") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                         @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                         @Descriptor("workflow URI") String uri) {
        check("validate", commands.validate(uri, given(workflow), json, out(session)));
    }

    @Descriptor("runs a workflow, printing its events as they happen and then the result")
    public void run(CommandSession session,
                    @Descriptor("the workflow to run") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                    @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                    @Descriptor("use placeholders for handlers, tools and agents that are not installed") @Parameter(names = "--dry-run", presentValue = "true", absentValue = "false") boolean dryRun,
                    @Descriptor(BRANCH) @Parameter(names = "--branch", absentValue = ABSENT) String branch,
                    @Descriptor("workflow URI") String uri) {
        check("run", commands.run(uri, null, given(workflow), json, dryRun, branches(branch), out(session)));
    }

    @Descriptor("runs a workflow from an initial state, printing its events as they happen and then the result")
    public void run(CommandSession session,
                    @Descriptor("the workflow to run") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                    @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                    @Descriptor("use placeholders for handlers, tools and agents that are not installed") @Parameter(names = "--dry-run", presentValue = "true", absentValue = "false") boolean dryRun,
                    @Descriptor(BRANCH) @Parameter(names = "--branch", absentValue = ABSENT) String branch,
                    @Descriptor("workflow URI") String uri,
                    @Descriptor("initial state as a JSON object") String stateJson) {
        check("run", commands.run(uri, stateJson, given(workflow), json, dryRun, branches(branch), out(session)),
                session, json, stateJson);
    }

    @Descriptor("resumes an interrupted run with the human's response")
    public void resume(CommandSession session,
                       @Descriptor("the workflow URI of a run not started by this shell") @Parameter(names = "--uri", absentValue = ABSENT) String uri,
                       @Descriptor("its workflow name") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                       @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                       @Descriptor("the pause the answer is for (refused when the run waits at another one)") @Parameter(names = "--pause", absentValue = ABSENT) String pause,
                       @Descriptor("continue on a workflow changed since the run paused") @Parameter(names = "--migrate", presentValue = "true", absentValue = "false") boolean migrate,
                       @Descriptor("the run's thread id") String threadId,
                       @Descriptor("the response as JSON (plain text is taken as a string)") String response) {
        check("resume", commands.resume(threadId, response, given(uri), given(workflow),
                ResumeOptions.none().pauseId(given(pause)).migrate(migrate), json, out(session)), session, json, response);
    }

    @Descriptor("lists a thread's checkpoints: step, status, node, time, pause and answer")
    public void history(CommandSession session,
                        @Descriptor("print one JSON document") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                        @Descriptor("the thread id") String threadId) {
        check("history", threads.history(threadId, null, json, out(session)));
    }

    @Descriptor("prints the checkpoint at one step of a thread's history, with its state")
    public void history(CommandSession session,
                        @Descriptor("print one JSON document") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                        @Descriptor("the thread id") String threadId,
                        @Descriptor("the step") int step) {
        check("history", threads.history(threadId, step, json, out(session)));
    }

    @Descriptor("starts a new thread from a waiting or resumed step of a thread's history; the original stays as it was")
    public void fork(CommandSession session,
                     @Descriptor("the workflow URI, when the checkpoint's has moved") @Parameter(names = "--uri", absentValue = ABSENT) String uri,
                     @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                     @Descriptor("the thread id") String threadId,
                     @Descriptor("the step") int step) {
        check("fork", threads.fork(threadId, step, null, given(uri), null, json, out(session)));
    }

    @Descriptor("starts a new thread from a step of a thread's history with its state changed; the original stays as it was")
    public void fork(CommandSession session,
                     @Descriptor("the workflow URI, when the checkpoint's has moved") @Parameter(names = "--uri", absentValue = ABSENT) String uri,
                     @Descriptor("print one JSON document as the last line") @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
                     @Descriptor("the thread id") String threadId,
                     @Descriptor("the step") int step,
                     @Descriptor("keys to set as a JSON object (null removes a key)") String patch) {
        check("fork", threads.fork(threadId, step, patch, given(uri), null, json, out(session)), session, json, patch);
    }

    @Descriptor("prints a workflow's graph as Mermaid")
    public void graph(CommandSession session,
                      @Descriptor("the workflow to draw") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                      @Descriptor("workflow URI") String uri) {
        check("graph", commands.graph(uri, null, given(workflow), out(session)));
    }

    @Descriptor("prints a workflow's graph as mermaid, dot or json")
    public void graph(CommandSession session,
                      @Descriptor("the workflow to draw") @Parameter(names = {"-w", "--workflow"}, absentValue = ABSENT) String workflow,
                      @Descriptor("workflow URI") String uri,
                      @Descriptor("mermaid, dot or json") String format) {
        check("graph", commands.graph(uri, format, given(workflow), out(session)));
    }

    @Descriptor("prints the compiled-graph cache's statistics")
    public void cache(CommandSession session) {
        check("cache", commands.cache(null, out(session)));
    }

    @Descriptor("empties the compiled-graph cache ('cache clear') and prints its statistics")
    public void cache(CommandSession session, @Descriptor("clear") String action) {
        check("cache", commands.cache(action, out(session)));
    }
}
