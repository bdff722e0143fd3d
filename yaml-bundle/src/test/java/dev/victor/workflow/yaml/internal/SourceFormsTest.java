package dev.victor.workflow.yaml.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFormsTest {
    @TempDir
    Path dir;

    private static YamlSource classify(String source) {
        return SourceForms.classify(source, null);
    }

    private static void assertText(String source) {
        assertThat(classify(source)).as(source).isInstanceOf(YamlSource.Text.class);
    }

    private static Path assertFile(String source) {
        YamlSource result = classify(source);
        assertThat(result).as(source).isInstanceOf(YamlSource.File.class);
        return ((YamlSource.File) result).path();
    }

    @Test
    void multiLineSourcesAreText() {
        assertText("workflows:\n  a:\n    nodes: []\n");
        assertText("# A workflow library\n# with comments first\nworkflows:\n  a: {nodes: []}\n");
        assertText("\uFEFF# BOM and a comment\nx: 1");
        assertText("key: value\r\n");
    }

    @Test
    void oneLineYamlIsText() {
        assertText("# only a comment");
        assertText("   # indented comment");
        assertText("workflows: {a: {nodes: [{id: x}]}}");
        assertText("{workflows: {}}");
        assertText("[1, 2]");
        assertText("--- {a: 1}");
        assertText("- id: a");
        assertText("%YAML 1.1");
        assertText("a:");
        assertText("");
        assertText("   ");
    }

    @Test
    void pathsArePaths() {
        assertThat(assertFile("workflows/build.yaml")).isEqualTo(Path.of("workflows/build.yaml"));
        assertThat(assertFile("/tmp/my workflows/build flow.yaml")).isEqualTo(Path.of("/tmp/my workflows/build flow.yaml"));
        assertFile("C:\\Users\\me\\workflows\\build.yaml");
        assertFile("C:/Users/me/build.yaml");
        assertFile("./build.yaml");
        assertFile("../common/build.yaml");
        assertFile("build");
        assertFile("-draft.yaml");
        assertFile("~/w.yaml");
    }

    @Test
    void schemePrefixes() {
        assertThat(assertFile("yaml:///tmp/a.yaml")).isEqualTo(Path.of("/tmp/a.yaml"));
        assertThat(assertFile("YML://relative/a.yaml")).isEqualTo(Path.of("relative/a.yaml"));
        assertText("yaml://workflows: {}");
        assertThat(assertFile("file:///tmp/a%20b.yaml")).isEqualTo(Path.of("/tmp/a b.yaml"));
        assertThat(assertFile("file:///tmp/a b.yaml")).isEqualTo(Path.of("/tmp/a b.yaml"));
        assertThat(assertFile("file://relative/x.yaml")).isEqualTo(Path.of("relative/x.yaml"));
        assertThat(assertFile("file://localhost/tmp/x.yaml")).isEqualTo(Path.of("/tmp/x.yaml"));
        assertThat(assertFile("file:/tmp/single%20slash.yaml")).isEqualTo(Path.of("/tmp/single slash.yaml"));
        // file:// is always a path, even when the rest looks like YAML
        assertFile("file:///tmp/a: b.yaml");
    }

    @Test
    void anExistingFileWinsOverTheTextTest() throws Exception {
        Path odd = Files.writeString(dir.resolve("notes: draft.yaml"), "workflows: {}\n");
        assertThat(assertFile(odd.toString())).isEqualTo(odd);
        Path hash = Files.writeString(dir.resolve("#1.yaml"), "workflows: {}\n");
        assertThat(assertFile(hash.toString())).isEqualTo(hash);
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectory() throws Exception {
        Files.writeString(dir.resolve("a: b.yaml"), "x: 1\n");
        YamlSource resolved = SourceForms.classify("a: b.yaml", dir);
        assertThat(resolved).isEqualTo(new YamlSource.File(dir.resolve("a: b.yaml"), dir.resolve("a: b.yaml").toString()));
        YamlSource missing = SourceForms.classify("sub/w.yaml", dir);
        assertThat(((YamlSource.File) missing).path()).isEqualTo(dir.resolve("sub/w.yaml"));
    }
}
