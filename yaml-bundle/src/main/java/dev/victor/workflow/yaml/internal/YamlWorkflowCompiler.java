package dev.victor.workflow.yaml.internal;

import dev.victor.workflow.kernel.source.Sha256;
import dev.victor.workflow.kernel.source.PositionTree;
import dev.victor.workflow.kernel.source.Utf8;
import dev.victor.workflow.kernel.source.SourceFiles;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML compiler: reads a file or YAML text safely (see {@link YamlTreeReader}), expands
 * {@code $ref} items (see {@link RefExpander}) and hands the tree with its positions to the kernel.
 * Shared by the OSGi component and the {@code ServiceLoader} class, which only construct it.
 *
 * <p>Source forms (see {@link SourceForms} for the exact rule): a file path, {@code file://} URI,
 * the rest of a {@code yaml://} URI (a path or text), or YAML text.
 *
 * <p>Errors: a missing file is a {@link dev.victor.workflow.api.WorkflowSourceNotFoundException}
 * naming the path; a file that cannot be read a
 * {@link dev.victor.workflow.api.WorkflowSourceUnavailableException}; everything else (syntax,
 * limits, tags, duplicate keys, invalid UTF-8, {@code $ref} problems, the kernel's validation) an
 * {@link InvalidWorkflowException} whose problems carry source, line and column.
 */
public final class YamlWorkflowCompiler implements WorkflowCompilerPlugin {
    private static final Pattern ENV = Pattern.compile("\\$env\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final String KEY_VERSION = "victor-yaml-cache-key/1";

    private final YamlPluginOptions options;
    private final WorkflowBackend backend;
    private final YamlTreeReader reader;
    private final RefExpander refs;

    public YamlWorkflowCompiler(YamlPluginOptions options) {
        this(options, new KernelBackend());
    }

    YamlWorkflowCompiler(YamlPluginOptions options, WorkflowBackend backend) {
        this.options = Objects.requireNonNull(options, "options");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.reader = new YamlTreeReader(options.limits());
        this.refs = new RefExpander(reader, options.limits());
    }

    public YamlPluginOptions options() {
        return options;
    }

    /** A source read, parsed and expanded, ready for the kernel. */
    record Loaded(Object tree, PositionTree positions, String sourceName, boolean localFile,
                  RefExpander.Result references, String text, Path file) {
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        Loaded loaded = load(source);
        RefAttribution attribution = new RefAttribution(loaded.references().origins(), loaded.sourceName());
        Function<String, String> environment = options.env().allows(loaded.localFile()) ? options.environment() : null;
        CompiledGraph graph;
        try {
            graph = backend.compile(loaded.tree(), loaded.positions(), loaded.sourceName(), workflowName, validate,
                    new WorkflowBackend.Settings(options.strict(), environment, options.customNodeTypes()));
        } catch (InvalidWorkflowException e) {
            if (attribution.isEmpty()) {
                throw e;
            }
            throw new InvalidWorkflowException(Problems.headline(loaded.sourceName()),
                    attribution.attribute(e.problems()), e);
        }
        if (attribution.isEmpty()) {
            return graph;
        }
        return new AttributedGraph(graph, attribution.attribute(graph.warnings()));
    }

    /**
     * Compiles a fetched document: always text, never the environment, and no {@code $ref}
     * (an item that still holds one is reported by the reader, with its line); problems are
     * named after {@code sourceName}.
     */
    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        YamlTreeReader.Parsed parsed = reader.read(text, sourceName);
        return backend.compile(parsed.root(), parsed.positions(), sourceName, workflowName, validate,
                new WorkflowBackend.Settings(options.strict(), null, options.customNodeTypes()));
    }

    /** The workflows of a fetched document, read as {@link #compileText} reads it. */
    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        YamlTreeReader.Parsed parsed = reader.read(text, sourceName);
        return backend.workflowNames(parsed.root(), parsed.positions(), sourceName,
                new WorkflowBackend.Settings(options.strict(), null, options.customNodeTypes()));
    }

    /**
     * The names of the workflows the source declares, in document order (after reading it as
     * {@code compile} would, so the same exceptions).
     */
    @Override
    public List<String> workflowNames(String source) {
        Loaded loaded = load(source);
        Function<String, String> environment = options.env().allows(loaded.localFile()) ? options.environment() : null;
        return backend.workflowNames(loaded.tree(), loaded.positions(), loaded.sourceName(),
                new WorkflowBackend.Settings(options.strict(), environment, options.customNodeTypes()));
    }

    /**
     * True when the source is a readable file (inside the base directory, within the size limit),
     * or YAML text that parses (safely, within the limits). Never throws.
     */
    @Override
    public boolean validateSource(String source) {
        try {
            YamlSource classified = SourceForms.classify(source, options.baseDirectory());
            if (classified instanceof YamlSource.File file) {
                SourceFiles.confine(file.path(), options.baseDirectory(), file.displayName());
                return Files.isRegularFile(file.path()) && Files.isReadable(file.path())
                        && Files.size(file.path()) <= options.limits().maxDocumentBytes();
            }
            reader.read(((YamlSource.Text) classified).text(), null);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A SHA-256 (hex) over what decides the compiled result: the plugin's options, the text (for
     * text) or the file's real path and content (for a file; hashed every time, which the size
     * limit keeps cheap), the content of every {@code $ref} target, and the values of the
     * {@code $env.NAME} variables the document mentions when the environment is read. Never MD5,
     * never a timestamp.
     *
     * @throws dev.victor.workflow.api.WorkflowSourceNotFoundException when the file does not exist
     */
    @Override
    public String getCacheKey(String source) {
        YamlSource classified = SourceForms.classify(source, options.baseDirectory());
        Sha256 digest = Sha256.digest();
        digest.part(KEY_VERSION);
        digest.part(fingerprint());
        String text;
        boolean localFile;
        if (classified instanceof YamlSource.File file) {
            SourceFiles.confine(file.path(), options.baseDirectory(), file.displayName());
            byte[] bytes = SourceFiles.read(file.path(), file.displayName(), options.limits().maxDocumentBytes());
            digest.part("file");
            digest.part(realPath(file.path()));
            digest.bytes(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            localFile = true;
        } else {
            text = ((YamlSource.Text) classified).text();
            digest.part("text");
            digest.bytes(text.getBytes(StandardCharsets.UTF_8));
            localFile = false;
        }
        if (RefExpander.mentionsRef(text)) {
            try {
                Loaded loaded = load(source);
                for (Map.Entry<Path, byte[]> file : loaded.references().files().entrySet()) {
                    digest.part("ref");
                    digest.part(file.getKey().toString());
                    digest.bytes(file.getValue());
                }
            } catch (WorkflowException e) {
                // Compiling will report it; the key still follows the content.
                digest.part("unresolved-ref");
            }
        }
        if (options.env().allows(localFile)) {
            Matcher matcher = ENV.matcher(text);
            TreeSet<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            for (String name : names) {
                String value = options.environment().apply(name);
                digest.part("env:" + name + (value == null ? "\u0000unset" : "=" + value));
            }
        }
        return digest.hex();
    }

    /** Reads, parses and expands a source. */
    Loaded load(String source) {
        YamlSource classified = SourceForms.classify(source, options.baseDirectory());
        if (classified instanceof YamlSource.File file) {
            String name = file.displayName();
            SourceFiles.confine(file.path(), options.baseDirectory(), name);
            byte[] bytes = SourceFiles.read(file.path(), name, options.limits().maxDocumentBytes());
            String text = Utf8.decode(bytes, name);
            YamlTreeReader.Parsed parsed = reader.read(text, name);
            RefExpander.Result result = RefExpander.mentionsRef(text)
                    ? refs.expand(parsed.root(), parsed.positions(), file.path(), options.baseDirectory(), name)
                    : RefExpander.Result.NONE;
            return new Loaded(parsed.root(), parsed.positions(), name, true, result, text, file.path());
        }
        String text = ((YamlSource.Text) classified).text();
        YamlTreeReader.Parsed parsed = reader.read(text, null);
        RefExpander.Result result = RefExpander.mentionsRef(text)
                ? refs.expand(parsed.root(), parsed.positions(), null, options.baseDirectory(), null)
                : RefExpander.Result.NONE;
        return new Loaded(parsed.root(), parsed.positions(), null, false, result, text, null);
    }

    private String fingerprint() {
        YamlLimits limits = options.limits();
        return "strict=" + options.strict() + ";types=" + new java.util.TreeSet<>(options.customNodeTypes())
                + ";env=" + options.env() + ";base=" + options.baseDirectory()
                + ";limits=" + limits.maxDocumentBytes() + "," + limits.maxNestingDepth() + "," + limits.maxAliases()
                + "," + limits.maxAliasExpansion() + "," + limits.maxReferences() + "," + limits.maxValues();
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }



    @Override
    public String toString() {
        return "YAML workflow compiler " + options;
    }
}
