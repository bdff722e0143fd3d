package dev.victor.workflow.engine;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.EdgeView;
import dev.victor.workflow.api.GraphView;
import dev.victor.workflow.api.NodeView;
import dev.victor.workflow.model.Constraints;
import dev.victor.workflow.model.HitlFallback;
import dev.victor.workflow.model.JoinStrategy;
import dev.victor.workflow.model.TeamFormation;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.victor.workflow.engine.Defs.agent;
import static dev.victor.workflow.engine.Defs.handler;
import static dev.victor.workflow.engine.Defs.hitl;
import static dev.victor.workflow.engine.Defs.member;
import static dev.victor.workflow.engine.Defs.namedCondition;
import static dev.victor.workflow.engine.Defs.namedTransform;
import static dev.victor.workflow.engine.Defs.parallel;
import static dev.victor.workflow.engine.Defs.team;
import static dev.victor.workflow.engine.Defs.tools;
import static dev.victor.workflow.engine.Defs.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class GraphViewTest {

    private static CompiledGraph everything() {
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("true", "fan");
        branches.put("false", GraphView.END);
        return new DefinitionCompiler().compile(workflow("all_types",
                agent("plan", "planner", "Plan {topic}", "load"),
                handler("load", "fetch", Map.of(), "check"),
                namedCondition("check", "ready", branches, "fix"),
                namedTransform("fix", "repair", "check"),
                parallel("fan", JoinStrategy.ALL, null, "ask", "left", "right"),
                agent("left", "x", "l", null),
                tools("right", List.of("t"), Map.of(), Constraints.DEFAULT, true, null),
                hitl("ask", "ok?", List.of(), null, null, HitlFallback.ABORT, "crew"),
                team("crew", TeamFormation.SEQUENTIAL, true, null, member("m", "x", "g", false))));
    }

    @Test
    void everyNodeIsListedWithItsTypeAndAttributes() {
        GraphView view = everything().getGraph();

        assertThat(view.name()).isEqualTo("all_types");
        assertThat(view.entry()).isEqualTo("plan");
        assertThat(view.nodes()).extracting(NodeView::id)
                .containsExactly("plan", "load", "check", "fix", "fan", "left", "right", "ask", "crew");
        assertThat(view.nodes()).extracting(NodeView::type)
                .containsExactly("agent", "compute", "condition", "transform", "parallel", "agent", "compute", "hitl",
                        "team");
        Map<String, NodeView> byId = new LinkedHashMap<>();
        view.nodes().forEach(node -> byId.put(node.id(), node));
        assertThat(byId.get("plan").attributes()).containsEntry("role", "planner");
        assertThat(byId.get("load").attributes()).containsEntry("handler", "fetch");
        assertThat(byId.get("check").attributes()).containsEntry("condition", "ready");
        assertThat(byId.get("left").attributes()).containsEntry("parent", "fan");
        assertThat(byId.get("right").attributes()).containsEntry("parent", "fan");
        assertThat(byId.get("fan").attributes()).containsEntry("join_strategy", "all");
        assertThat(byId.get("crew").attributes()).containsEntry("formation", "sequential");
    }

    @Test
    void edgesShowNextBranchesForksAndEnds() {
        List<EdgeView> edges = everything().getGraph().edges();

        assertThat(edges).containsExactly(
                new EdgeView("plan", "load", null, EdgeView.Kind.NORMAL),
                new EdgeView("load", "check", null, EdgeView.Kind.NORMAL),
                new EdgeView("check", "fan", "true", EdgeView.Kind.CONDITIONAL),
                new EdgeView("check", GraphView.END, "false", EdgeView.Kind.CONDITIONAL),
                new EdgeView("check", "fix", "default", EdgeView.Kind.CONDITIONAL),
                new EdgeView("fix", "check", null, EdgeView.Kind.NORMAL),
                new EdgeView("fan", "left", null, EdgeView.Kind.FORK),
                new EdgeView("fan", "right", null, EdgeView.Kind.FORK),
                new EdgeView("fan", "ask", null, EdgeView.Kind.NORMAL),
                new EdgeView("ask", "crew", null, EdgeView.Kind.NORMAL),
                new EdgeView("crew", GraphView.END, null, EdgeView.Kind.NORMAL));
    }

    @Test
    void renderingsMentionEveryNode() {
        GraphView view = everything().getGraph();
        String mermaid = view.toMermaid();
        String dot = view.toDot();
        String json = view.toJson();

        for (NodeView node : view.nodes()) {
            assertThat(mermaid).contains(node.id());
            assertThat(dot).contains(node.id());
            assertThat(json).contains("\"" + node.id() + "\"");
        }
        assertThat(mermaid).startsWith("flowchart");
        assertThat(dot).contains("digraph");
    }

    @Test
    void builderGraphsHaveViewsToo() {
        GraphView view = GraphBuilder.named("b")
                .node("a", state -> null)
                .node("b", state -> null)
                .conditionalEdges("a", state -> "go", Map.of("go", "b", "stop", GraphView.END))
                .entry("a")
                .build()
                .getGraph();

        assertThat(view.nodes()).extracting(NodeView::type).containsOnly("function");
        assertThat(view.edges()).containsExactlyInAnyOrder(
                new EdgeView("a", "b", "go", EdgeView.Kind.CONDITIONAL),
                new EdgeView("a", GraphView.END, "stop", EdgeView.Kind.CONDITIONAL),
                new EdgeView("b", GraphView.END, null, EdgeView.Kind.NORMAL));
    }
}
