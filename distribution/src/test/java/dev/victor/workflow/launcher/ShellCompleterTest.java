package dev.victor.workflow.launcher;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCompleterTest {

    private final ShellCompleter completer = new ShellCompleter(
            () -> Set.of("workflow:run", "workflow:resume", "felix:lb"),
            command -> Map.of("run", Set.of("--json", "--dry-run", "-w", "--workflow"),
                    "workflow:run", Set.of("--json", "--dry-run", "-w", "--workflow")).getOrDefault(command, Set.of()),
            uri -> uri.equals("flows/two.yaml") ? List.of("first", "second") : List.of());

    private List<String> complete(String typed) {
        ParsedLine line = new DefaultParser().parse(typed, typed.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void theFirstWordIsACommandWithOrWithoutTheWorkflowScope() {
        assertThat(complete("r")).containsExactly("felix:lb", "resume", "run", "workflow:resume", "workflow:run");
    }

    @Test
    void aDashCompletesTheCommandsOptions() {
        assertThat(complete("run --")).containsExactly("--dry-run", "--json", "--workflow", "-w");
        assertThat(complete("lb -")).isEmpty();
    }

    @Test
    void theWorkflowOptionCompletesTheWorkflowsOfTheUriOnTheLine() {
        assertThat(complete("run -w ")).isEmpty();
        assertThat(complete("run --json flows/two.yaml --workflow ")).containsExactly("first", "second");
        assertThat(ShellCompleter.uri(new DefaultParser().parse("run --branch a=b -w x flows/two.yaml '{}'", 3)))
                .isEqualTo("flows/two.yaml");
    }
}
