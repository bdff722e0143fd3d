package dev.victor.workflow.json.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every workflow of Victor's corpus, as JSON, compiles through this plugin and the kernel. */
@org.junit.jupiter.api.Disabled("needs the kernel facade (WorkflowKernel), not on main yet")
class JsonCorpusTest {

    static Path corpus() {
        try {
            return Path.of(JsonCorpusTest.class.getResource("/conformance/victor-json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> workflows() throws IOException {
        Path root = corpus();
        List<Arguments> all = new ArrayList<>();
        JsonTreeReader reader = new JsonTreeReader(JsonLimits.defaults());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Map<Object, Object> tree = (Map<Object, Object>) reader.read(Files.readString(file), null).root();
                if (tree.get("workflows") instanceof Map<?, ?> workflows) {
                    for (Object name : workflows.keySet()) {
                        all.add(Arguments.of(root.relativize(file).toString(), name.toString()));
                    }
                }
            }
        }
        return all.stream();
    }

    @Test
    void thirtyNineWorkflows() throws IOException {
        assertThat(workflows().count()).isEqualTo(39);
    }

    @ParameterizedTest(name = "{0} › {1}")
    @MethodSource("workflows")
    void compiles(String file, String workflow) {
        Path path = corpus().resolve(file);
        CompiledGraph graph = new JsonCompilerPlugin().compile(path.toString(), workflow, true);
        assertThat(graph.name()).isEqualTo(workflow);
        for (Problem warning : graph.warnings()) {
            assertThat(warning.line()).as("located: " + warning).isPositive();
            assertThat(warning.source()).isEqualTo(path.toString());
        }
    }
}
