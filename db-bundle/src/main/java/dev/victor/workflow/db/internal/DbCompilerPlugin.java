package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.CompiledGraph;
import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The {@code db} compiler plugin: the source {@code NAME} or {@code DATASOURCE/NAME} names a row of
 * a datasource's workflow table, whose text is compiled by the plugin of the row's format
 * ({@code yaml} or {@code json}), which it gets from the registry by scheme; it never uses a
 * plugin's classes.
 *
 * <p>The cache key is {@code db:DATASOURCE/TABLE/NAME@VERSION;FINGERPRINT}, where the fingerprint
 * is a hash of the datasource's URL, user and table (never the password), so a datasource
 * reconfigured to another database does not serve the old one's graphs; it costs one query,
 * {@code SELECT version FROM table WHERE name = ?}. With {@code ;gN} appended when the yaml or json
 * plugin has been replaced N times, so their new version recompiles.
 *
 * <p>The text goes to the format plugin's {@code compileText}: always text, never a path, no
 * {@code $ref} to local files and no {@code $env}; a text beginning with {@code scheme://} (no
 * workflow document does) is refused.
 */
public final class DbCompilerPlugin implements WorkflowCompilerPlugin {

    private static final Pattern LEADING_URI = Pattern.compile("^[\\s\\uFEFF]*[A-Za-z][A-Za-z0-9+.-]*://");

    private final Databases databases;
    private final WorkflowCompilerRegistry registry;
    private final LongSupplier delegateGeneration;

    /**
     * @param databases          the configured datasources
     * @param registry           where the yaml and json plugins are found, by scheme
     * @param delegateGeneration how often the yaml or json plugin has been replaced (part of the cache key)
     */
    public DbCompilerPlugin(Databases databases, WorkflowCompilerRegistry registry, LongSupplier delegateGeneration) {
        this.databases = databases;
        this.registry = registry;
        this.delegateGeneration = delegateGeneration;
    }

    public DbCompilerPlugin(Databases databases, WorkflowCompilerRegistry registry) {
        this(databases, registry, () -> 0L);
    }

    /** A parsed source and the database it names. */
    private record Target(DbSource source, Database database, String uri) {
    }

    private Target target(String source) {
        DbSource parsed;
        try {
            parsed = DbSource.parse(source);
        } catch (IllegalArgumentException e) {
            throw new WorkflowSourceNotFoundException(display(source), "No workflow db://" + shown(source)
                    + ": " + e.getMessage());
        }
        String name;
        try {
            name = parsed.datasource() != null ? parsed.datasource() : databases.defaultName();
        } catch (IllegalStateException e) {
            throw new WorkflowSourceNotFoundException(display(source), "Cannot read db://" + shown(source)
                    + ": " + e.getMessage());
        }
        Optional<Database> database = databases.get(name);
        if (database.isEmpty()) {
            throw new WorkflowSourceNotFoundException(display(source), "No datasource '" + name + "' for db://"
                    + shown(source) + "; configured: " + String.join(", ", databases.names()));
        }
        return new Target(parsed, database.get(), parsed.uri(name));
    }

    private static String display(String source) {
        return "db://" + shown(source);
    }

    private static String shown(String source) {
        String rest = source == null ? "" : source.regionMatches(true, 0, DbSource.SCHEME_PREFIX, 0,
                DbSource.SCHEME_PREFIX.length()) ? source.substring(DbSource.SCHEME_PREFIX.length()) : source;
        String quoted = SqlNames.quote(rest);
        return quoted.substring(1, quoted.length() - 1);
    }

    private WorkflowSourceNotFoundException notFound(Target target) {
        Database db = target.database();
        return new WorkflowSourceNotFoundException(target.uri(), "No workflow '" + shown(target.source().name())
                + "' in table " + db.workflows().table() + " of datasource '" + db.name() + "'");
    }

    private static WorkflowSourceUnavailableException unavailable(Target target, SQLException e) {
        return new WorkflowSourceUnavailableException(target.uri(), "Cannot read workflow '"
                + shown(target.source().name()) + "' from table " + target.database().workflows().table() + " of "
                + target.database().describe() + ": " + e.getMessage(), e);
    }

    @Override
    public String getCacheKey(String source) {
        Target target = target(source);
        OptionalLong version;
        try {
            version = target.database().workflows().version(target.source().name());
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
        if (version.isEmpty()) {
            throw notFound(target);
        }
        long generation = delegateGeneration.getAsLong();
        Database db = target.database();
        return "db:" + db.name() + "/" + db.workflows().table() + "/" + target.source().name() + "@"
                + version.getAsLong() + ";" + db.fingerprint() + (generation == 0 ? "" : ";g" + generation);
    }

    /** True when the source is {@code NAME} or {@code DATASOURCE/NAME} of a configured datasource; no query. */
    @Override
    public boolean validateSource(String source) {
        try {
            target(source);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A row ready for its format's plugin. */
    private record Loaded(String origin, long version, String text, WorkflowCompilerPlugin delegate) {
    }

    private Loaded load(String source) {
        Target target = target(source);
        WorkflowTable.Row row;
        try {
            row = target.database().workflows().read(target.source().name()).orElseThrow(() -> notFound(target));
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
        long version = row.info().version();
        String format = row.info().format();
        String text = row.definition();
        String origin = target.uri();
        if (!WorkflowTable.FORMATS.contains(format)) {
            throw new InvalidWorkflowException(origin + " (version " + version + ") has the format " + SqlNames.quote(format)
                    + "; expected yaml or json", List.of(Problem.error("unknown format " + SqlNames.quote(format))
                    .withSource(origin)));
        }
        if (LEADING_URI.matcher(text).find()) {
            throw new InvalidWorkflowException(origin + " (version " + version + ") is not a workflow document: its text"
                    + " begins with a URI, and a stored workflow is the document itself",
                    List.of(Problem.error("the text begins with a URI, not a workflow document").withSource(origin)
                            .at(1, 1)));
        }
        WorkflowCompilerPlugin delegate;
        try {
            delegate = registry.create(format + "://", Map.of());
        } catch (UnknownSchemeException e) {
            throw new WorkflowSourceUnavailableException(origin, origin + " is stored as " + format
                    + ", and no plugin for " + format + " is installed now", e);
        }
        return new Loaded(origin, version, text, delegate);
    }

    @Override
    public CompiledGraph compile(String source, String workflowName, boolean validate) {
        Loaded loaded = load(source);
        try {
            return loaded.delegate().compileText(loaded.text(), loaded.origin(), workflowName, validate);
        } catch (InvalidWorkflowException e) {
            throw located(loaded, e);
        }
    }

    /** The workflows of the row's document, as its format's plugin lists them. */
    @Override
    public List<String> workflowNames(String source) {
        Loaded loaded = load(source);
        try {
            return loaded.delegate().workflowNamesInText(loaded.text(), loaded.origin());
        } catch (InvalidWorkflowException e) {
            throw located(loaded, e);
        }
    }

    /** The problems with the row's URI as their source. */
    private static InvalidWorkflowException located(Loaded loaded, InvalidWorkflowException e) {
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : e.problems()) {
            problems.add(problem.withSource(loaded.origin()));
        }
        String first = e.getMessage() == null ? "invalid" : e.getMessage().lines().findFirst().orElse("invalid");
        return new InvalidWorkflowException(loaded.origin() + " (version " + loaded.version() + "): " + first, problems, e);
    }

    @Override
    public String toString() {
        return "DbCompilerPlugin" + databases.names();
    }
}
