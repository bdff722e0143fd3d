package dev.victor.workflow.registry.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The path-or-text rule of the yaml, yml and json schemes (the README's). */
class PathOrTextTest {
    private static final PathOrText YAML = new PathOrText("yaml", Set.of("yaml", "yml"));
    private static final PathOrText JSON = new PathOrText("json", Set.of("json"));

    @TempDir
    Path dir;

    private static PathOrText.Form classify(String source) {
        return YAML.classify(source, null);
    }

    private static void assertText(String source) {
        assertThat(classify(source)).as(source).isInstanceOf(PathOrText.TextForm.class);
    }

    private static Path assertFile(String source) {
        PathOrText.Form result = classify(source);
        assertThat(result).as(source).isInstanceOf(PathOrText.PathForm.class);
        return Path.of(((PathOrText.PathForm) result).path());
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
        PathOrText.Form resolved = YAML.classify("a: b.yaml", dir);
        assertThat(resolved).isEqualTo(new PathOrText.PathForm("a: b.yaml"));
        FileSource files = new FileSource(FileSourceOptions.defaults().withBaseDirectory(dir));
        assertThat(files.pathOf("a: b.yaml")).isEqualTo(dir.resolve("a: b.yaml"));
        assertThat(files.pathOf("sub/w.yaml")).isEqualTo(dir.resolve("sub/w.yaml"));
        assertThat(files.read("a: b.yaml").name()).isEqualTo(dir.resolve("a: b.yaml").toString());
    }

    @Test
    void jsonTextIsAnObjectOrAnArrayAndEverythingElseOneLineIsAPath() throws Exception {
        assertThat(JSON.classify("{\"workflows\": {}}", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("  [1]", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("\uFEFF{}", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("{\n}", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("a: b", null)).as("YAML-looking text is a path for JSON").isEqualTo(new PathOrText.PathForm("a: b"));
        assertThat(JSON.classify("# x", null)).isEqualTo(new PathOrText.PathForm("# x"));
        assertThat(JSON.classify("json:///tmp/a.json", null)).isEqualTo(new PathOrText.PathForm("/tmp/a.json"));
        assertThat(JSON.classify("json://{\"a\": 1}", null)).isInstanceOf(PathOrText.TextForm.class);
        assertThat(JSON.classify("flows/build.json", null)).isEqualTo(new PathOrText.PathForm("flows/build.json"));
        assertThat(JSON.classify("C:\\flows\\build.json", null)).isInstanceOf(PathOrText.PathForm.class);
        assertThat(JSON.classify("/tmp/my flows/build.json", null)).isInstanceOf(PathOrText.PathForm.class);
        assertThat(JSON.classify("json+file://rel/a.json", null)).isEqualTo(new PathOrText.PathForm("rel/a.json"));
        assertThat(JSON.classify("json+file:///tmp/a%20b.json", null)).isEqualTo(new PathOrText.PathForm("/tmp/a b.json"));
        assertThat(JSON.classify("file:///tmp/{x}.json", null)).isInstanceOf(PathOrText.PathForm.class);
        Path braces = Files.writeString(dir.resolve("{odd}.json"), "{}");
        assertThat(JSON.classify(braces.toString(), null)).isEqualTo(new PathOrText.PathForm(braces.toString()));
    }
}
