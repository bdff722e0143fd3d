package dev.victor.workflow.db;

import dev.victor.workflow.api.AlreadyResumedException;
import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.HitlSignal;
import dev.victor.workflow.api.ResumeOptions;
import dev.victor.workflow.api.RunConfig;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.db.internal.JsonValues;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.spi.NodeOutput;
import dev.victor.workflow.spi.NodeServices;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A runtime in its own process, for {@link KillAndResumeTest}: builds a registry off OSGi (the YAML
 * format, the db source and the JDBC checkpoint store), compiles
 * {@code db://approval} from the database and then either
 * <ul>
 *   <li>{@code start STATE_JSON}: runs it until it waits for a person, prints
 *       {@code INTERRUPTED <thread id>} and blocks (to be killed), or</li>
 *   <li>{@code resume THREAD RESPONSE_JSON}: resumes the thread, prints {@code STATUS <status>} and
 *       {@code STATE <final state as JSON>}, and exits.</li>
 *   <li>{@code race THREAD RESPONSE_JSON PAUSE GO_FILE}: compiles, prints {@code READY}, waits for
 *       the file to exist, resumes pause {@code PAUSE} ({@code expired}: the deadline's fallback),
 *       prints {@code STATUS ...} or {@code ALREADY <message>}, and exits.</li>
 *   <li>{@code hold THREAD}: resumes {@code db://hold}'s thread with {@code true}; its compute node
 *       prints {@code HOLDING} and blocks (to be killed in the middle of the resume).</li>
 * </ul>
 * Arguments before those: the JDBC URL, user, password, workflow table and checkpoint table.
 */
public final class ResumeMain {

    private ResumeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DataSourceSettings settings = DataSourceSettings.of("default", args[0], args[1], args[2])
                .withTable(args[3]).withCheckpointTable(args[4]);
        String mode = args[5];
        WorkflowDatabase db = WorkflowDatabase.builder().dataSource(settings).build();
        DefaultWorkflowCompilerRegistry registry = Registries.userRegistry();
        db.registerWith(registry::register);
        CompiledGraph graph = registry.compile(mode.equals("hold") ? "db://hold" : "db://approval");
        RunConfig durable = RunConfig.defaults().checkpointStore(db.checkpointStore());
        switch (mode) {
            case "start" -> {
                RunResult paused = graph.invoke(JsonValues.readObject(args[6]), durable);
                if (paused.status() != RunStatus.INTERRUPTED) {
                    out.println("UNEXPECTED " + paused.status() + " " + paused.error());
                    System.exit(1);
                }
                out.println("INTERRUPTED " + paused.threadId());
                Thread.sleep(Long.MAX_VALUE);
            }
            case "resume" -> {
                String threadId = args[6];
                RunResult done = graph.resume(threadId, JsonValues.read(args[7]), durable.threadId(threadId));
                out.println("STATUS " + done.status() + (done.error() == null ? "" : " " + done.error()));
                out.println("STATE " + JsonValues.write(done.state(), "state"));
                db.close();
                System.exit(done.status() == RunStatus.COMPLETED ? 0 : 1);
            }
            case "race" -> {
                String threadId = args[6];
                Object response = args[7].equals("expired") ? HitlSignal.EXPIRED : JsonValues.read(args[7]);
                Path go = Path.of(args[9]);
                out.println("READY");
                while (!Files.exists(go)) {
                    Thread.onSpinWait();
                }
                try {
                    RunResult done = graph.resume(threadId, response, durable.threadId(threadId),
                            ResumeOptions.none().pauseId(args[8].equals("-") ? null : args[8]));
                    out.println("STATUS " + done.status());
                } catch (AlreadyResumedException refused) {
                    out.println("ALREADY " + refused.getMessage());
                }
                db.close();
                System.exit(0);
            }
            case "hold" -> {
                String threadId = args[6];
                NodeServices services = NodeServices.builder().handler("hold", call -> {
                    out.println("HOLDING");
                    Thread.sleep(Long.MAX_VALUE);
                    return NodeOutput.of("never");
                }).build();
                graph.resume(threadId, true, durable.services(services).threadId(threadId));
                out.println("UNEXPECTED the hold ended");
                System.exit(1);
            }
            default -> throw new IllegalArgumentException("mode: start or resume, not " + mode);
        }
    }
}
