package dev.victor.workflow.registry;

import dev.victor.workflow.api.UnknownSchemeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URI table: victor-behaviour.md §4.3 and §5.4, as our rules (DESIGN.md, URIs) decide them. */
class SchemeResolverTest {

    private static final Set<String> INSTALLED =
            Set.of("yaml", "yml", "file", "json", "json+file", "s3", "http", "my-scheme", "x.y", "x", "mock");
    private final SchemeResolver resolver = new SchemeResolver();

    @ParameterizedTest(name = "{0} -> {1} ({3})")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            yaml://file.yaml            | yaml      | file.yaml           | EXPLICIT
            YAML://f                    | yaml      | f                   | EXPLICIT
            json://file.json            | json      | file.json           | EXPLICIT
            s3://bucket/key             | s3        | bucket/key          | EXPLICIT
            s3+https://b/k              | s3        | b/k                 | COMPOUND_BASE
            S3+HTTPS://b/k              | s3        | b/k                 | COMPOUND_BASE
            json+file://x               | json+file | x                   | EXPLICIT
            my-scheme://x               | my-scheme | x                   | EXPLICIT
            x.y://z                     | x.y       | z                   | EXPLICIT
            http://h/w.yaml             | http      | h/w.yaml            | EXPLICIT
            file:///tmp/w.yaml          | file      | /tmp/w.yaml         | EXPLICIT
            '  x://y'                   | x         | y                   | EXPLICIT
            mock://                     | mock      | ''                  | EXPLICIT
            workflow.yaml               | yaml      | workflow.yaml       | EXTENSION
            workflow.yml                | yaml      | workflow.yml        | EXTENSION
            workflow.JSON               | json      | workflow.JSON       | EXTENSION
            dir/sub/flow.json           | json      | dir/sub/flow.json   | EXTENSION
            workflow                    | yaml      | workflow            | DEFAULT
            a.b.c                       | yaml      | a.b.c               | DEFAULT
            dir.v1/workflow             | yaml      | dir.v1/workflow     | DEFAULT
            C:\\dir\\w.yaml             | yaml      | C:\\dir\\w.yaml     | EXTENSION
            C:\\dir\\w.json             | json      | C:\\dir\\w.json     | EXTENSION
            C:/dir/w.json               | json      | C:/dir/w.json       | EXTENSION
            ''                          | yaml      | ''                  | DEFAULT
            .yaml                       | yaml      | .yaml               | DEFAULT
            """)
    void resolves(String uri, String scheme, String source, SchemeResolver.Rule rule) {
        String unescaped = uri.replace("\\\\", "\\");
        SchemeResolver.Resolution resolution = resolver.resolve(unescaped, INSTALLED);
        assertThat(resolution.scheme()).isEqualTo(scheme);
        assertThat(resolution.source()).isEqualTo(source.replace("\\\\", "\\"));
        assertThat(resolution.rule()).isEqualTo(rule);
    }

    @Test
    void yamlTextIsTheSourceOfTheDefaultScheme() {
        String text = "workflows:\n  fetch:\n    nodes:\n      - id: get\n        url: https://example.org/x.json\n";
        SchemeResolver.Resolution resolution = resolver.resolve(text, INSTALLED);
        assertThat(resolution.scheme()).isEqualTo("yaml");
        assertThat(resolution.source()).isEqualTo(text);
        assertThat(resolution.rule()).isEqualTo(SchemeResolver.Rule.DEFAULT);
    }

    @Test
    void jsonTextWithAUrlIsNotAScheme() {
        String text = "{\"url\": \"http://h/x\"}";
        assertThat(resolver.resolve(text, INSTALLED).scheme()).isEqualTo("yaml");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            my_scheme://x | my_scheme
            1abc://x      | 1abc
            ://nothing    | ''
            +x://y        | +x
            """)
    void invalidSchemesAreNamed(String uri, String scheme) {
        assertThatThrownBy(() -> resolver.resolve(uri, INSTALLED))
                .isInstanceOfSatisfying(InvalidWorkflowUriException.class, e -> {
                    assertThat(e.scheme()).isEqualTo(scheme);
                    assertThat(e.uri()).isEqualTo(uri);
                })
                .hasMessageNotContaining("Unknown workflow scheme ''")
                .hasMessageContaining(scheme.isEmpty() ? "nothing before '://'" : "Invalid scheme '" + scheme + "'");
    }

    @Test
    void unknownSchemeListsTheInstalledOnes() {
        assertThatThrownBy(() -> resolver.resolve("unknown://source", Set.of("yaml", "json")))
                .isInstanceOfSatisfying(UnknownSchemeException.class, e -> assertThat(e.scheme()).isEqualTo("unknown"))
                .hasMessage("Unknown workflow scheme 'unknown'. Installed schemes: json, yaml");
    }

    @Test
    void compoundSchemeWithNeitherPartInstalledIsUnknownUnderItsWholeName() {
        assertThatThrownBy(() -> resolver.resolve("s3+https://b/k", Set.of("yaml")))
                .isInstanceOfSatisfying(UnknownSchemeException.class, e -> assertThat(e.scheme()).isEqualTo("s3+https"));
    }

    @Test
    void extensionSchemeThatIsNotInstalledIsUnknown() {
        assertThatThrownBy(() -> resolver.resolve("w.json", Set.of("yaml")))
                .isInstanceOf(UnknownSchemeException.class)
                .hasMessageContaining("'json'").hasMessageContaining("Installed schemes: yaml");
    }

    @Test
    void defaultSchemeCanBeChanged() {
        SchemeResolver json = resolver.withDefaultScheme("JSON");
        assertThat(json.defaultScheme()).isEqualTo("json");
        assertThat(json.resolve("workflow", INSTALLED).scheme()).isEqualTo("json");
        assertThat(json.resolve("workflow.yaml", INSTALLED).scheme()).isEqualTo("yaml");
        assertThatThrownBy(() -> resolver.withDefaultScheme("un_known")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noPluginsAtAll() {
        assertThatThrownBy(() -> resolver.resolve("flow.yaml", Set.of()))
                .hasMessage("Unknown workflow scheme 'yaml'. Installed schemes: (none)");
    }
}
