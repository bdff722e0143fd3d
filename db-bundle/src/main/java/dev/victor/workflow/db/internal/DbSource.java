package dev.victor.workflow.db.internal;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code db} workflow source: the location {@code NAME} or {@code DATASOURCE/NAME} names a row
 * of a datasource's workflow table. It reads the row's text and says its format as a media type
 * ({@code application/yaml}, {@code application/json}), so the registry reads it with that format;
 * it knows no format itself. Stored texts are fetched content: no {@code $env}, no {@code $ref}.
 *
 * <p>The fingerprint is {@code DATASOURCE/TABLE/NAME@VERSION;HASH}, where the hash covers the
 * datasource's URL, user and tables (never the password), so a datasource reconfigured to another
 * database does not serve the old one's graphs. It costs one query,
 * {@code SELECT version FROM table WHERE name = ?}, and reads no text.
 */
public final class DbSource implements WorkflowSource {

    /** The media type of each format a row may have. */
    static final Map<String, String> MEDIA_TYPES = Map.of("yaml", "application/yaml", "json", "application/json");
    /** Longest text read, in UTF-8 bytes: what {@code db-put} stores at most. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Databases databases;

    public DbSource(Databases databases) {
        this.databases = databases;
    }

    /** A parsed location and the database it names. */
    private record Target(DbLocation location, Database database, String uri) {
    }

    private Target target(String location) {
        DbLocation parsed;
        try {
            parsed = DbLocation.parse(location);
        } catch (IllegalArgumentException e) {
            throw new WorkflowSourceNotFoundException(display(location), "No workflow db://" + shown(location)
                    + ": " + e.getMessage());
        }
        String name;
        try {
            name = parsed.datasource() != null ? parsed.datasource() : databases.defaultName();
        } catch (IllegalStateException e) {
            throw new WorkflowSourceNotFoundException(display(location), "Cannot read db://" + shown(location)
                    + ": " + e.getMessage());
        }
        Optional<Database> database = databases.get(name);
        if (database.isEmpty()) {
            throw new WorkflowSourceNotFoundException(display(location), "No datasource '" + name + "' for db://"
                    + shown(location) + "; configured: " + String.join(", ", databases.names()));
        }
        return new Target(parsed, database.get(), parsed.uri(name));
    }

    private static String display(String location) {
        return "db://" + shown(location);
    }

    private static String shown(String location) {
        String rest = location == null ? "" : location.regionMatches(true, 0, DbLocation.SCHEME_PREFIX, 0,
                DbLocation.SCHEME_PREFIX.length()) ? location.substring(DbLocation.SCHEME_PREFIX.length()) : location;
        String quoted = SqlNames.quote(rest);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static WorkflowSourceNotFoundException notFound(Target target) {
        Database db = target.database();
        return new WorkflowSourceNotFoundException(target.uri(), "No workflow '" + shown(target.location().name())
                + "' in table " + db.workflows().table() + " of datasource '" + db.name() + "'");
    }

    private static WorkflowSourceUnavailableException unavailable(Target target, SQLException e) {
        return new WorkflowSourceUnavailableException(target.uri(), "Cannot read workflow '"
                + shown(target.location().name()) + "' from table " + target.database().workflows().table() + " of "
                + target.database().describe() + ": " + e.getMessage(), e);
    }

    private static String fingerprint(Target target, long version) {
        Database db = target.database();
        return db.name() + "/" + db.workflows().table() + "/" + target.location().name() + "@" + version + ";"
                + db.fingerprint();
    }

    /**
     * One {@code SELECT version}; no text is read.
     *
     * @throws WorkflowSourceNotFoundException    when there is no such datasource or row
     * @throws WorkflowSourceUnavailableException when the database cannot be queried
     */
    @Override
    public String fingerprint(String location) {
        Target target = target(location);
        OptionalLong version;
        try {
            version = target.database().workflows().version(target.location().name());
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
        if (version.isEmpty()) {
            throw notFound(target);
        }
        return fingerprint(target, version.getAsLong());
    }

    /** True when the location is {@code NAME} or {@code DATASOURCE/NAME} of a configured datasource; no query. */
    @Override
    public boolean accepts(String location) {
        try {
            target(location);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The row's text, named {@code db://DATASOURCE/NAME}, with its format as the media type.
     *
     * @throws InvalidWorkflowException when the row's format is neither yaml nor json
     * @throws WorkflowException        when the text is larger than {@value #MAX_BYTES} bytes
     */
    @Override
    public SourceDocument read(String location) {
        Target target = target(location);
        WorkflowTable.Row row;
        try {
            row = target.database().workflows().read(target.location().name()).orElseThrow(() -> notFound(target));
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
        long version = row.info().version();
        String format = row.info().format();
        String uri = target.uri();
        String mediaType = MEDIA_TYPES.get(format);
        if (mediaType == null) {
            throw new InvalidWorkflowException(uri + " (version " + version + ") has the format " + SqlNames.quote(format)
                    + "; expected yaml or json", List.of(Problem.error("unknown format " + SqlNames.quote(format))
                    .withSource(uri)));
        }
        byte[] content = row.definition().getBytes(StandardCharsets.UTF_8);
        if (content.length > MAX_BYTES) {
            throw new WorkflowException(uri + " (version " + version + ") is larger than " + MAX_BYTES + " bytes ("
                    + content.length + " bytes)");
        }
        return SourceDocument.fetched(uri, content, mediaType, fingerprint(target, version));
    }

    @Override
    public String toString() {
        return "DbSource" + databases.names();
    }
}
