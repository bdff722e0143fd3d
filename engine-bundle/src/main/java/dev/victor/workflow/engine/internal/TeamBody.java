package dev.victor.workflow.engine.internal;

import dev.victor.workflow.model.TeamFormation;
import dev.victor.workflow.spi.AgentRuntime;
import dev.victor.workflow.spi.AgentTask;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A team node: its members run through the agent runtime in the team's formation, and the
 * results go to the output key as {@code {formation, results: {member: result}}}.
 */
final class TeamBody implements NodeBody {
    /** One member, with its goal parsed and its model settings (the team's, then its own over them). */
    record Member(String id, String role, Template goal, List<String> tools, int toolBudget, boolean manager,
                  Map<String, Object> llmConfig) {
        String what(String teamId) {
            return "team node '" + teamId + "' (member '" + id + "')";
        }
    }

    private final String workflow;
    private final String id;
    private final Template goal;
    private final TeamFormation formation;
    private final List<Member> members;
    private final String outputKey;
    private final boolean continueOnError;
    private final Duration timeout;

    TeamBody(String workflow, String id, Template goal, TeamFormation formation, List<Member> members,
             String outputKey, boolean continueOnError, Duration timeout) {
        this.workflow = workflow;
        this.id = id;
        this.goal = goal;
        this.formation = formation == null ? TeamFormation.SEQUENTIAL : formation;
        this.members = hierarchical(this.formation, members);
        this.outputKey = outputKey;
        this.continueOnError = continueOnError;
        this.timeout = timeout;
    }

    /** For a hierarchical team the manager (is_manager, else the first member) goes first. */
    private static List<Member> hierarchical(TeamFormation formation, List<Member> members) {
        if (formation != TeamFormation.HIERARCHICAL) {
            return List.copyOf(members);
        }
        List<Member> ordered = new ArrayList<>(members);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).manager()) {
                ordered.add(0, ordered.remove(i));
                break;
            }
        }
        return List.copyOf(ordered);
    }

    @Override
    public void execute(Scope scope) throws Exception {
        Map<String, Object> state = scope.view();
        LinkedHashMap<String, Object> results = new LinkedHashMap<>();
        boolean together = formation == TeamFormation.PARALLEL || formation == TeamFormation.CONSENSUS;
        if (together) {
            List<Callable<Object>> calls = new ArrayList<>(members.size());
            for (Member member : members) {
                calls.add(() -> runMember(scope, member, state, Map.of()));
            }
            long deadline = scope.run.timed ? scope.run.deadline : 0L;
            Fanout.Result<Object> outcome;
            try {
                outcome = Fanout.run(scope.run.executor, calls,
                        continueOnError ? Fanout.Mode.ALL : Fanout.Mode.ALL_FAIL_FAST, deadline);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw RunStop.cancelled();
            }
            if (outcome.stop != null) {
                throw outcome.stop;
            }
            if (outcome.timedOut) {
                throw RunStop.timedOut();
            }
            for (int i = 0; i < members.size(); i++) {
                if (outcome.errors[i] != null) {
                    Throwable error = outcome.errors[i];
                    throw error instanceof NodeFailure failure ? failure : memberFailed(members.get(i), error);
                }
                results.put(members.get(i).id(), outcome.values.get(i));
            }
        } else {
            for (Member member : members) {
                results.put(member.id(), runMember(scope, member, state, Frozen.freezeMap(results)));
            }
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("formation", formation.name().toLowerCase(Locale.ROOT));
        out.put("results", results);
        if (formation == TeamFormation.CONSENSUS) {
            out.put("consensus", new ArrayList<>(results.values()));
        }
        scope.write(outputKey, out);
    }

    @SuppressWarnings("unchecked")
    private Object runMember(Scope scope, Member member, Map<String, Object> state, Map<?, ?> previous)
            throws Exception {
        Map<String, Object> inputs = (Map<String, Object>) previous;
        Template memberGoal = member.goal().text().isEmpty() ? goal : member.goal();
        String task = memberGoal.render(state, Map.of());
        java.util.Optional<AgentRuntime> runtime = scope.run.services.agentRuntime();
        if (runtime.isEmpty()) {
            return Frozen.freeze(AgentBody.placeholder(id, member.id(), member.role(), task, Map.of()));
        }
        AgentRuntime agents = runtime.get();
        AgentTask agentTask = new AgentTask(workflow, id, member.id(), member.role(), task, member.tools(),
                member.toolBudget(), member.llmConfig(), inputs, state, timeout, null,
                scope.run.reports.listener(id, member.id()));
        try {
            return Frozen.freeze(Calls.call(scope, Calls.nodeDeadline(timeout), timeout,
                    member.what(id), () -> agents.run(agentTask)));
        } catch (RunStop stop) {
            throw stop;
        } catch (Exception failed) {
            if (failed instanceof InterruptedException || scope.run.cancelled) {
                throw failed;
            }
            if (!continueOnError) {
                throw memberFailed(member, failed);
            }
            String message = failed instanceof NodeFailure ? failed.getMessage() : Exec.describe(failed);
            return Frozen.freeze(Map.of("error", message));
        }
    }

    private NodeFailure memberFailed(Member member, Throwable failed) {
        String message = failed instanceof NodeFailure ? failed.getMessage() : Exec.describe(failed);
        return new NodeFailure("team node '" + id + "': member '" + member.id() + "' failed: " + message,
                failed instanceof NodeFailure known ? known.kind() : failed.getClass().getName(), failed, true);
    }
}
