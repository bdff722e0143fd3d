package dev.victor.workflow.json.internal;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schema: every workflow of Victor's corpus (converted to JSON) is valid, every
 * known-bad document is not. Validated with networknt's json-schema-validator (tests only).
 */
class WorkflowSchemaTest {
    private static String schemaText;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = WorkflowSchemaTest.class.getClassLoader()
                .getResourceAsStream(JsonFormat.SCHEMA_RESOURCE)) {
            schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
    }

    private static Set<ValidationMessage> validate(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(schemaText, InputFormat.JSON)).isEmpty();
        assertThat(meta.validate("{\"type\": 5, \"minItems\": -1}", InputFormat.JSON))
                .as("the meta-schema check is real").isNotEmpty();
        assertThat(schemaText).contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }

    static Stream<Path> corpus() throws Exception {
        Path root = Path.of(WorkflowSchemaTest.class.getResource("/conformance/victor-json").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileIsValid(Path file) throws Exception {
        assertThat(validate(Files.readString(file))).isEmpty();
    }

    @Test
    void theCorpusHasItsWorkflows() throws Exception {
        long files = corpus().filter(p -> !p.endsWith("hitl_gates.json")).count();
        assertThat(files).isEqualTo(19);
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("root is not an object", "[1, 2]"),
                Arguments.of("empty document object", "{}"),
                Arguments.of("workflows is null", "{\"workflows\": null}"),
                Arguments.of("workflows is empty", "{\"workflows\": {}}"),
                Arguments.of("workflow without nodes", "{\"workflows\": {\"a\": {\"description\": \"x\"}}}"),
                Arguments.of("workflow with empty nodes", "{\"workflows\": {\"a\": {\"nodes\": []}}}"),
                Arguments.of("top-level workflow with nodes not a list", "{\"a\": {\"nodes\": \"x\"}}"),
                Arguments.of("node without id", wf("{\"type\": \"agent\", \"goal\": \"g\"}")),
                Arguments.of("unknown node type", wf("{\"id\": \"x\", \"type\": \"magic\"}")),
                Arguments.of("invalid hitl_type", wf("{\"id\": \"x\", \"type\": \"hitl\", \"hitl_type\": \"approve\"}")),
                Arguments.of("invalid fallback", wf("{\"id\": \"x\", \"type\": \"hitl\", \"fallback\": \"use_defaults\"}")),
                Arguments.of("invalid join_strategy", wf("{\"id\": \"p\", \"type\": \"parallel\", "
                        + "\"parallel_nodes\": [\"a\"], \"join_strategy\": \"majority\"}")),
                Arguments.of("parallel without children", wf("{\"id\": \"p\", \"type\": \"parallel\"}")),
                Arguments.of("invalid team_formation", wf("{\"id\": \"t\", \"type\": \"team\", "
                        + "\"members\": [{\"id\": \"m\"}], \"team_formation\": \"anarchy\"}")),
                Arguments.of("team without members", wf("{\"id\": \"t\", \"type\": \"team\", \"members\": []}")),
                Arguments.of("condition without branches", wf("{\"id\": \"c\", \"type\": \"condition\", \"condition\": \"a\"}")),
                Arguments.of("branch target not a string", wf("{\"id\": \"c\", \"type\": \"condition\", "
                        + "\"condition\": \"a\", \"branches\": {\"true\": 3}}")),
                Arguments.of("transform without text", wf("{\"id\": \"t\", \"type\": \"transform\"}")),
                Arguments.of("two next targets", wf("{\"id\": \"a\", \"next\": [\"b\", \"c\"]}")),
                Arguments.of("tool_budget not a number", wf("{\"id\": \"a\", \"tool_budget\": \"lots\"}")),
                Arguments.of("negative timeout", wf("{\"id\": \"a\", \"type\": \"compute\", \"handler\": \"h\", \"timeout\": -1}")),
                Arguments.of("constraints string other than none", wf("{\"id\": \"a\", \"type\": \"compute\", "
                        + "\"handler\": \"h\", \"constraints\": \"some\"}")),
                Arguments.of("max_iterations zero", "{\"workflows\": {\"a\": {\"max_iterations\": 0, "
                        + "\"nodes\": [{\"id\": \"x\"}]}}}"));
    }

    private static String wf(String node) {
        return "{\"workflows\": {\"w\": {\"nodes\": [" + node + "]}}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void knownBadDocumentsAreInvalid(String what, String json) {
        assertThat(validate(json)).as(what).isNotEmpty();
    }

    @Test
    void smallValidDocuments() {
        assertThat(validate(wf("{\"id\": \"a\", \"next\": \"end\"}"))).isEmpty();
        assertThat(validate("{\"build\": {\"nodes\": [{\"id\": \"a\"}]}, \"version\": 2}")).isEmpty();
        assertThat(validate(wf("{\"id\": \"c\", \"type\": \"condition\", \"condition\": \"x > 1\", "
                + "\"branches\": {\"true\": \"end\", \"false\": \"__end__\"}, \"default\": \"END\"}"))).isEmpty();
        assertThat(validate(wf("{\"id\": \"p\", \"type\": \"parallel\", \"nodes\": [{\"id\": \"k\"}], "
                + "\"join_strategy\": \"any\"}"))).isEmpty();
        assertThat(validate(wf("{\"id\": \"x\", \"type\": \"compute\", \"tools\": [\"t\"], \"constraints\": [\"llm\"]}")))
                .isEmpty();
    }
}
