package dev.victor.workflow.json.internal;

import dev.victor.workflow.kernel.source.Utf8;
import dev.victor.workflow.kernel.source.Sha256;
import dev.victor.workflow.kernel.source.SourceFiles;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.WorkflowCompilerPlugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON compiler: reads a file or JSON text with Jackson's streaming parser (see
 * {@link JsonTreeReader}) and hands the same generic tree, with positions from Jackson's token
 * locations, to the kernel's reader. Shared by the OSGi component and the {@code ServiceLoader}
 * class. Source forms: see {@link JsonSource}. {@code $ref} is a YAML feature and is not expanded here.
 */
public final class JsonWorkflowCompiler implements WorkflowCompilerPlugin {
    private static final Pattern ENV = Pattern.compile("\\$env\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final String KEY_VERSION = "victor-json-cache-key/1";

    private final JsonPluginOptions options;
    private final WorkflowBackend backend;
    private final JsonTreeReader reader;

    public JsonWorkflowCompiler(JsonPluginOptions options) {
        this(options, new KernelBackend());
    }

    JsonWorkflowCompiler(JsonPluginOptions options, WorkflowBackend backend) {
        this.options = Objects.requireNonNull(options, "options");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.reader = new JsonTreeReader(options.limits());
    }

    /** A source read and parsed. */
    record Loaded(JsonTreeReader.Parsed parsed, String sourceName, boolean localFile, String text) {
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        Loaded loaded = load(source);
        Function<String, String> environment = options.env().allows(loaded.localFile()) ? options.environment() : null;
        return backend.compile(loaded.parsed().root(), loaded.parsed().positions(), loaded.sourceName(), workflowName,
                validate, new WorkflowBackend.Settings(options.strict(), environment, options.customNodeTypes()));
    }

    /**
     * Compiles a fetched document: always text, never the environment, problems named after
     * {@code sourceName}.
     */
    @Override
    public CompiledGraph compileText(String text, String sourceName, String workflowName, boolean validate) {
        JsonTreeReader.Parsed parsed = reader.read(text, sourceName);
        return backend.compile(parsed.root(), parsed.positions(), sourceName, workflowName, validate,
                new WorkflowBackend.Settings(options.strict(), null, options.customNodeTypes()));
    }

    /** The workflows of a fetched document, read as {@link #compileText} reads it. */
    @Override
    public List<String> workflowNamesInText(String text, String sourceName) {
        JsonTreeReader.Parsed parsed = reader.read(text, sourceName);
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
        return backend.workflowNames(loaded.parsed().root(), loaded.parsed().positions(), loaded.sourceName(),
                new WorkflowBackend.Settings(options.strict(), environment, options.customNodeTypes()));
    }

    /**
     * True when the source is a readable {@code .json} file (inside the base directory, within the
     * size limit), or JSON text that parses within the limits. Never throws.
     */
    @Override
    public boolean validateSource(String source) {
        try {
            JsonSource classified = JsonSource.classify(source, options.baseDirectory());
            if (classified instanceof JsonSource.File file) {
                SourceFiles.confine(file.path(), options.baseDirectory(), file.displayName());
                Path name = file.path().getFileName();
                return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                        && Files.isRegularFile(file.path()) && Files.isReadable(file.path())
                        && Files.size(file.path()) <= options.limits().maxDocumentBytes();
            }
            reader.read(((JsonSource.Text) classified).text(), null);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A SHA-256 (hex) over the plugin's options, the text (for text) or the file's real path and
     * content (for a file), and the values of the {@code $env.NAME} variables the document mentions
     * when the environment is read. Never MD5, never a timestamp.
     */
    @Override
    public String getCacheKey(String source) {
        JsonSource classified = JsonSource.classify(source, options.baseDirectory());
        Sha256 digest = Sha256.digest();
        digest.part(KEY_VERSION);
        JsonLimits limits = options.limits();
        digest.part("strict=" + options.strict() + ";types=" + new java.util.TreeSet<>(options.customNodeTypes())
                + ";env=" + options.env() + ";base=" + options.baseDirectory()
                + ";limits=" + limits.maxDocumentBytes() + "," + limits.maxNestingDepth() + ","
                + limits.maxStringLength() + "," + limits.maxNameLength() + "," + limits.maxNumberLength()
                + "," + limits.maxValues());
        String text;
        boolean localFile;
        if (classified instanceof JsonSource.File file) {
            SourceFiles.confine(file.path(), options.baseDirectory(), file.displayName());
            byte[] bytes = SourceFiles.read(file.path(), file.displayName(), limits.maxDocumentBytes());
            digest.part("file");
            digest.part(realPath(file.path()));
            digest.bytes(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            localFile = true;
        } else {
            text = ((JsonSource.Text) classified).text();
            digest.part("text");
            digest.bytes(text.getBytes(StandardCharsets.UTF_8));
            localFile = false;
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

    Loaded load(String source) {
        JsonSource classified = JsonSource.classify(source, options.baseDirectory());
        if (classified instanceof JsonSource.File file) {
            String name = file.displayName();
            SourceFiles.confine(file.path(), options.baseDirectory(), name);
            byte[] bytes = SourceFiles.read(file.path(), name, options.limits().maxDocumentBytes());
            String text = Utf8.decode(bytes, name);
            return new Loaded(reader.read(text, name), name, true, text);
        }
        String text = ((JsonSource.Text) classified).text();
        return new Loaded(reader.read(text, null), null, false, text);
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
        return "JSON workflow compiler " + options;
    }
}
