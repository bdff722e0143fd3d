package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolver without regular expressions for plain words answers as SnakeYAML's own, for every value. */
class PlainScalarResolverTest {
    private static final Resolver SNAKEYAML = new Resolver();
    private static final PlainScalarResolver PLAIN = new PlainScalarResolver();

    private static void same(String value) {
        for (NodeId kind : NodeId.values()) {
            for (boolean implicit : new boolean[] {true, false}) {
                assertThat(PLAIN.resolve(kind, value, implicit)).as("'%s' %s %s", value, kind, implicit)
                        .isEqualTo(SNAKEYAML.resolve(kind, value, implicit));
            }
        }
    }

    @Test
    void snakeyamlsNullWordsAreTheOnesThisResolverKnows() {
        assertThat(Resolver.NULL.pattern()).isEqualTo(PlainScalarResolver.NULL_PATTERN);
        assertThat(Resolver.EMPTY.pattern()).isEqualTo(PlainScalarResolver.EMPTY_PATTERN);
        assertThat(PLAIN.knowsTheResolversForAnyCharacter()).as("the shortcut is taken").isTrue();
    }

    @Test
    void everyImplicitTypeAndItsNearMisses() {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "null", "Null", "NULL", "nul", "nulls", "n", "N",
                "y", "Y", "yes", "Yes", "YES", "yEs", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true",
                "True", "TRUE", "tRUE", "false", "False", "FALSE", "t", "f", "o", "0", "1", "-1", "+1", "0x1F", "0b101",
                "017", "1_000", "190:20:30", "1.5", "-1.5e3", ".5", ".inf", "-.inf", ".NaN", ".nan", "1e3", "<<", "<",
                "=", "!", "&", "*", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                "id", "agent", "next", "nodes", "type", "transform", "hello world", "_x", "Ünïcode", "日本",
                "$ctx.key", "{key}", "a: b", "-", "--", "...", "#", "@", "`", "%", "a".repeat(60), "1".repeat(60),
                "nodesandmore", "trueish", "yesterday", "onward", "offset", "~x", "\u0000"));
        for (char c = 32; c < 127; c++) {
            values.add(String.valueOf(c));
            values.add(c + "x");
            values.add(c + "1");
        }
        values.forEach(PlainScalarResolverTest::same);
    }

    @Test
    void everyScalarOfVictorsCorpus() throws IOException {
        Path corpus = Path.of("src/test/resources/conformance/victor");
        List<String> scalars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                collect(new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file))), scalars);
            }
        }
        assertThat(scalars).hasSizeGreaterThan(1000);
        scalars.forEach(PlainScalarResolverTest::same);
    }

    private static void collect(Node node, List<String> scalars) {
        if (node instanceof ScalarNode scalar) {
            scalars.add(scalar.getValue());
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collect(item, scalars));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                collect(tuple.getKeyNode(), scalars);
                collect(tuple.getValueNode(), scalars);
            }
        }
    }
}
