package dev.victor.workflow.engine;

import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.format.SourcePositions;
import dev.victor.workflow.model.WorkflowDocument;
import dev.victor.workflow.model.WorkflowReader;
import dev.victor.workflow.spi.AgentTask;
import dev.victor.workflow.spi.NodeServices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's llm_config reaches every member, and a member's own overrides it key by key. */
class TeamLlmConfigTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static WorkflowDocument read(Map<String, Object> team) {
        Object tree = map("workflows", map("crew", map("nodes", new ArrayList<>(List.of(team)))));
        return new WorkflowReader().read(tree, SourcePositions.none(), "test.yaml");
    }

    @Test
    void membersGetTheTeamsSettingsUnderTheirOwn() {
        WorkflowDocument document = read(map("id", "crew", "type", "team", "goal", "Review",
                "llm_config", map("provider", "local", "temperature", 0.1, "max_tokens", 500),
                "members", List.of(
                        map("id", "writer", "role", "executor", "llm_config", map("temperature", 0.9, "model", "big")),
                        map("id", "checker", "role", "reviewer"))));
        assertThat(document.hasErrors()).as(document.problems().toString()).isFalse();
        assertThat(document.problems()).as("llm_config is a known key of teams and members").isEmpty();
        List<AgentTask> tasks = Collections.synchronizedList(new ArrayList<>());
        NodeServices services = NodeServices.builder().agentRuntime(task -> {
            tasks.add(task);
            return "ok";
        }).build();

        var result = new DefinitionCompiler(EngineOptions.defaults().services(services))
                .compile(document.workflows().get(0)).invoke(Map.of());

        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).memberId()).isEqualTo("writer");
        assertThat(tasks.get(0).llmConfig()).isEqualTo(Map.of("provider", "local", "temperature", 0.9,
                "max_tokens", 500, "model", "big"));
        assertThat(tasks.get(1).llmConfig()).isEqualTo(Map.of("provider", "local", "temperature", 0.1,
                "max_tokens", 500));
    }

    @Test
    void withoutSettingsMembersGetNone() {
        WorkflowDocument document = read(map("id", "crew", "type", "team", "members", List.of(map("id", "a"))));
        List<AgentTask> tasks = new ArrayList<>();
        NodeServices services = NodeServices.builder().agentRuntime(task -> {
            tasks.add(task);
            return "ok";
        }).build();

        new DefinitionCompiler(EngineOptions.defaults().services(services)).compile(document.workflows().get(0))
                .invoke(Map.of());

        assertThat(tasks.get(0).llmConfig()).isEmpty();
    }

    @Test
    void anLlmConfigThatIsNoMappingIsAnErrorNamingTheNode() {
        WorkflowDocument team = read(map("id", "crew", "type", "team", "llm_config", "gpt-4",
                "members", List.of(map("id", "a"))));
        WorkflowDocument member = read(map("id", "crew", "type", "team",
                "members", List.of(map("id", "a", "llm_config", List.of("x")))));

        assertThat(team.hasErrors()).isTrue();
        assertThat(team.problems().toString()).contains("crew").contains("'llm_config' must be a mapping");
        assertThat(member.hasErrors()).isTrue();
        assertThat(member.problems().toString()).contains("crew").contains("'llm_config' must be a mapping");
    }
}
