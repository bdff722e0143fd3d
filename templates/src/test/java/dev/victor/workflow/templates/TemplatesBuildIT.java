package dev.victor.workflow.templates;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.RunResult;
import dev.victor.workflow.api.RunStatus;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.kernel.WorkflowKernel;
import dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.yaml.internal.YamlFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Builds each template the way its README says, from a copy in a temporary folder outside the
 * project (so nothing of the project's parent pom can help), then loads the jar and runs what it
 * provides against the real registry and kernel.
 */
class TemplatesBuildIT {
    private static Path work;

    @BeforeAll
    static void installTheProject() throws Exception {
        work = Files.createTempDirectory("victor-templates");
        Path root = Path.of(System.getProperty("victor.root")).toAbsolutePath().normalize();
        String version = System.getProperty("victor.version");
        // what `mvn install` of the project puts into the local repository, for these two bundles
        mvn(root, "install:install-file", "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
        for (String module : List.of("api-bundle", "engine-bundle")) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            assertThat(jar).as("built by this reactor before the templates").exists();
            mvn(root, "install:install-file", "-Dfile=" + jar, "-DpomFile=" + root.resolve(module).resolve("pom.xml"));
        }
    }

    @Test
    void theSourceTemplateBuildsAloneAndServesItsPackagedWorkflow() throws Exception {
        Path jar = build("source-plugin", "resource-source-1.0.0.jar");
        assertThat(manifest(jar)).contains("Service-Component", "dev.victor.workflow.source");

        try (URLClassLoader loader = load(jar)) {
            WorkflowSource source = (WorkflowSource) loader.loadClass("com.example.workflow.source.ResourceSource")
                    .getConstructor().newInstance();
            DefaultWorkflowCompilerRegistry registry = DefaultWorkflowCompilerRegistry.create();
            registry.register(YamlFormat.NAME, new YamlFormat(), YamlFormat.MEDIA_TYPES, YamlFormat.EXTENSIONS);
            registry.register(source, "resource");

            RunResult result = registry.compile("resource://hello.yaml").invoke(Map.of("name", "Ada"));
            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.state()).containsEntry("greeting", "Hello, Ada");
            assertThatThrownBy(() -> registry.compile("resource://missing.yaml"))
                    .hasMessageContaining("missing.yaml");
        }
    }

    @Test
    void theCompilerPluginTemplateBuildsAloneAndCompilesThroughTheKernel() throws Exception {
        Path jar = build("compiler-plugin", "chain-plugin-1.0.0.jar");
        assertThat(manifest(jar)).contains("Service-Component", "dev.victor.workflow.kernel");

        try (URLClassLoader loader = load(jar)) {
            WorkflowCompilerPlugin plugin = (WorkflowCompilerPlugin) loader
                    .loadClass("com.example.workflow.chain.ChainCompilerPlugin")
                    .getConstructor(WorkflowKernel.class).newInstance(WorkflowKernel.defaults());
            CompiledGraph graph = plugin.compile("x = 20; y = x * 2 + 2");
            assertThat(graph.invoke(Map.of()).state()).containsEntry("y", 42L);
            assertThatThrownBy(() -> plugin.compile("x = = 1")).isInstanceOf(InvalidWorkflowException.class);
        }
    }

    private static URLClassLoader load(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, TemplatesBuildIT.class.getClassLoader());
    }

    private static String manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            StringBuilder text = new StringBuilder();
            file.getManifest().getMainAttributes().forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
            return text.toString();
        }
    }

    /** Copies the template outside the project and builds it there. */
    private static Path build(String template, String jarName) throws Exception {
        Path copy = work.resolve(template);
        Path from = Path.of(System.getProperty("victor.templates")).resolve(template);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(path -> !path.toString().contains("/target")).toList()) {
                Path to = copy.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        mvn(copy, "package");
        Path jar = copy.resolve("target").resolve(jarName);
        assertThat(jar).exists();
        return jar;
    }

    private static void mvn(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("maven.home");
        command.add(home != null && !home.isBlank() ? Path.of(home, "bin", "mvn").toString() : "mvn");
        command.add("-B");
        command.add("-q");
        command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(work, "mvn", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish in 5 minutes");
        }
        assertThat(process.exitValue()).as("mvn %s in %s:%n%s", String.join(" ", arguments), directory,
                Files.readString(log)).isZero();
    }
}
