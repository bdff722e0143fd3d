package dev.victor.workflow.example.classpath;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code classpath} compiler plugin: reads workflows packaged inside bundles.
 *
 * <p>{@code classpath://com.acme.flows/workflows/review.yaml} is the entry
 * {@code workflows/review.yaml} of the bundle {@code com.acme.flows} (its highest version when
 * several are installed). The plugin only finds and reads the text; the yaml plugin (or the json
 * plugin, for a {@code .json} entry) compiles it as a fetched document, reached through the
 * registry by its scheme, never by its classes.
 *
 * <p>What makes it a plugin: a Declarative Services component that publishes
 * {@link WorkflowCompilerPlugin} with the {@code scheme} service property. The registry tracks
 * it from the moment its bundle starts until it stops. The registry is referenced through
 * {@link ComponentServiceObjects}, so that it is only looked up while compiling, which avoids a
 * circular activation (the registry binds every plugin).
 */
@Component(service = WorkflowCompilerPlugin.class,
        property = {"scheme=" + ClasspathLocation.SCHEME, "plugin.name=" + ClasspathLocation.SCHEME})
public final class ClasspathCompilerPlugin implements WorkflowCompilerPlugin {

    /** Packaged workflows larger than this are refused (the text plugins have their own limits too). */
    static final int MAX_BYTES = 1 << 20;

    private final BundleContext context;
    private final ComponentServiceObjects<WorkflowCompilerRegistry> registry;

    @Activate
    public ClasspathCompilerPlugin(BundleContext context,
                                   @Reference(name = "registry") ComponentServiceObjects<WorkflowCompilerRegistry> registry) {
        this.context = context;
        this.registry = registry;
    }

    /**
     * Reads the entry and hands its text to the plugin of its format, as a fetched document
     * ({@code compileText}): text only, never a path, so it reaches no local file and no
     * environment variable, and its problems name the classpath URI.
     */
    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        ClasspathLocation location = location(source);
        Packaged packaged = read(location);
        WorkflowCompilerRegistry compilers = registry.getService();
        try {
            return compilers.create(location.format() + "://", null)
                    .compileText(packaged.text(), location.uri(), workflowName, validate);
        } finally {
            registry.ungetService(compilers);
        }
    }

    /** The workflows of the entry, so that {@code workflow:compile} and {@code validate} handle each. */
    @Override
    public List<String> workflowNames(String source) {
        ClasspathLocation location = location(source);
        Packaged packaged = read(location);
        WorkflowCompilerRegistry compilers = registry.getService();
        try {
            return compilers.create(location.format() + "://", null).workflowNamesInText(packaged.text(), location.uri());
        } finally {
            registry.ungetService(compilers);
        }
    }

    /** A well-formed source: a bundle name and a path. */
    @Override
    public boolean validateSource(String source) {
        try {
            ClasspathLocation.parse(source);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Content-aware: the bundle, its version, the path and a SHA-256 of the entry, so an updated
     * bundle or a changed entry is compiled again. {@code null} (not cached) when it is missing.
     */
    @Override
    public String getCacheKey(String source) {
        try {
            ClasspathLocation location = ClasspathLocation.parse(source);
            Packaged packaged = read(location);
            return location.uri() + "@" + packaged.origin() + "#" + sha256(packaged.bytes());
        } catch (IllegalArgumentException | WorkflowSourceNotFoundException e) {
            return null;
        }
    }

    private static ClasspathLocation location(String source) {
        try {
            return ClasspathLocation.parse(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkflowException("Not a classpath source: " + e.getMessage(),
                    List.of(Problem.error(e.getMessage()).withSource(ClasspathLocation.SCHEME + "://" + source)));
        }
    }

    private record Packaged(String origin, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Packaged read(ClasspathLocation location) {
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(candidate -> location.bundle().equals(candidate.getSymbolicName()))
                .filter(candidate -> candidate.getState() != Bundle.UNINSTALLED)
                .max(Comparator.comparing(Bundle::getVersion))
                .orElseThrow(() -> new WorkflowSourceNotFoundException(location.uri(),
                        "No bundle named " + location.bundle() + " is installed (" + location.uri() + ")"));
        String origin = bundle.getSymbolicName() + " " + bundle.getVersion();
        URL entry = bundle.getEntry(location.path());
        if (entry == null) {
            throw new WorkflowSourceNotFoundException(location.uri(),
                    "The bundle " + origin + " has no entry " + location.path());
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidWorkflowException(location.uri() + " is larger than " + MAX_BYTES + " bytes",
                        List.of(Problem.error("larger than " + MAX_BYTES + " bytes").withSource(location.uri())));
            }
            return new Packaged(origin, bytes);
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(location.uri(),
                    "Cannot read " + location.uri() + " from " + origin + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
