package dev.victor.workflow.db.internal.command;

import dev.victor.workflow.api.InvalidWorkflowException;
import dev.victor.workflow.api.Problem;
import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.db.StoredWorkflow;
import dev.victor.workflow.db.internal.CheckpointTable;
import dev.victor.workflow.db.internal.Database;
import dev.victor.workflow.db.internal.Databases;
import dev.victor.workflow.db.internal.DbLocation;
import dev.victor.workflow.db.internal.SqlNames;
import dev.victor.workflow.db.internal.WorkflowTable;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logic of the {@code workflow:db-*} commands, without a framework: each method takes its
 * arguments and where to print, and returns an exit status (0 done, 1 failed, 2 wrong argument),
 * as the registry's {@code workflow:*} commands do.
 */
public final class DbCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** Largest file {@code db-put} stores, as the yaml and json plugins' default document limit. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$", Pattern.DOTALL);

    private final Databases databases;
    private final WorkflowCompilerRegistry registry;
    private final Clock clock;

    public DbCommands(Databases databases, WorkflowCompilerRegistry registry, Clock clock) {
        this.databases = databases;
        this.registry = registry;
        this.clock = clock;
    }

    /** The text to store and what it says about its format. */
    private record Source(String text, String format, String shown) {
    }

    /** A failure that is the user's to fix, with its exit status. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The commands and their usage. */
    public static final Map<String, String> USAGES = Map.of(
            "db-put", "workflow:db-put [-d|--datasource DATASOURCE] [-f|--format yaml|json] [--force] NAME FILE-OR-URI",
            "db-list", "workflow:db-list [-d|--datasource DATASOURCE]",
            "db-threads", "workflow:db-threads [-d|--datasource DATASOURCE]");

    /**
     * Runs a command from its words, as a shell passes them: {@code db-put}, {@code db-list} or
     * {@code db-threads} with its options and arguments (see {@link #USAGES}).
     */
    public int execute(String command, List<String> words, PrintStream out) {
        String usage = USAGES.get(command);
        if (usage == null) {
            out.println("Unknown command " + SqlNames.quote(command) + "; known: " + String.join(", ",
                    new java.util.TreeSet<>(USAGES.keySet())));
            return USAGE;
        }
        String datasource = null;
        String format = null;
        boolean force = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean takesValue = word.equals("-d") || word.equals("--datasource")
                    || (command.equals("db-put") && (word.equals("-f") || word.equals("--format")));
            if (takesValue) {
                if (i + 1 >= words.size()) {
                    out.println(word + " needs a value\nUsage: " + usage);
                    return USAGE;
                }
                String value = words.get(++i);
                if (word.equals("-d") || word.equals("--datasource")) {
                    datasource = value;
                } else {
                    format = value;
                }
            } else if (word.equals("--force") && command.equals("db-put")) {
                force = true;
            } else if (word.equals("-h") || word.equals("--help")) {
                out.println("Usage: " + usage);
                return OK;
            } else if (word.startsWith("-") && word.length() > 1 && positional.isEmpty()) {
                out.println("Unknown option " + word + "\nUsage: " + usage);
                return USAGE;
            } else {
                positional.add(word);
            }
        }
        int expected = command.equals("db-put") ? 2 : 0;
        if (positional.size() != expected) {
            out.println("Usage: " + usage);
            return USAGE;
        }
        return switch (command) {
            case "db-put" -> put(positional.get(0), positional.get(1), datasource, format, force, out);
            case "db-list" -> list(datasource, out);
            default -> threads(datasource, out);
        };
    }

    // ---------------------------------------------------------------- db-put

    /**
     * Stores a workflow: a new row at version 1, or the next version. The text is checked first by
     * its format's plugin (every workflow in it compiled with validation); with problems nothing is
     * stored unless {@code force}.
     *
     * @param name       the workflow's name in the table
     * @param fileOrUri  a path, or a {@code file://}, {@code yaml://}, {@code yml://}, {@code json://},
     *                   {@code json+file://} URI of a local file, or {@code db://[DATASOURCE/]NAME} to copy a row
     * @param datasource where to store it ({@code null}: the default datasource)
     * @param format     {@code yaml} or {@code json} ({@code null}: from the URI's scheme, the file's
     *                   extension, else the text: {@code {} or {@code [} first means json)
     */
    public int put(String name, String fileOrUri, String datasource, String format, boolean force, PrintStream out) {
        try {
            WorkflowTable.checkName(name);
            Database db = database(datasource);
            Source source = read(fileOrUri);
            String chosen = format != null ? WorkflowTable.checkFormat(format)
                    : source.format() != null ? source.format() : guess(source.text());
            if (!check(source, chosen, force, out)) {
                out.println("Nothing stored (use --force to store it anyway).");
                return FAILED;
            }
            StoredWorkflow stored = db.workflows().put(name, chosen, source.text(), clock.instant());
            out.println("Stored " + SqlNames.quote(name) + " version " + stored.version() + " (" + chosen + ", "
                    + source.text().getBytes(StandardCharsets.UTF_8).length + " bytes) in table "
                    + db.workflows().table() + " of datasource '" + db.name() + "'; compile it as "
                    + uriOf(db.name(), name));
            return OK;
        } catch (Refused e) {
            out.println(e.getMessage());
            return e.status;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return USAGE;
        } catch (SQLException e) {
            out.println("Cannot store " + SqlNames.quote(name) + ": " + e.getMessage());
            return FAILED;
        }
    }

    private String uriOf(String datasource, String name) {
        String defaultName;
        try {
            defaultName = databases.defaultName();
        } catch (IllegalStateException e) {
            defaultName = null;
        }
        return datasource.equals(defaultName) ? "db://" + name : "db://" + datasource + "/" + name;
    }

    private Source read(String fileOrUri) throws Refused, SQLException {
        if (fileOrUri == null || fileOrUri.isBlank()) {
            throw new Refused(USAGE, "No file or URI given");
        }
        Matcher uri = SCHEME.matcher(fileOrUri.strip());
        if (!uri.matches()) {
            return file(path(fileOrUri), null, fileOrUri);
        }
        String scheme = uri.group(1).toLowerCase(Locale.ROOT);
        String rest = uri.group(2);
        switch (scheme) {
            case "db":
                return row(rest, fileOrUri);
            case "file":
                return file(fileUri(fileOrUri.strip(), rest), null, fileOrUri);
            case "yaml", "yml":
                return file(rest.startsWith("file://") ? fileUri(rest, rest.substring(7)) : path(rest), "yaml", fileOrUri);
            case "json", "json+file":
                return file(rest.startsWith("file://") ? fileUri(rest, rest.substring(7)) : path(rest), "json", fileOrUri);
            default:
                throw new Refused(USAGE, "db-put reads a local file (a path, file://, yaml://, yml://, json://,"
                        + " json+file://) or copies a db:// row; for " + scheme + ":// sources fetch the file first");
        }
    }

    private static Path path(String text) throws Refused {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Refused(USAGE, "Not a file path: " + SqlNames.quote(text));
        }
    }

    private static Path fileUri(String whole, String rest) throws Refused {
        try {
            return Path.of(URI.create(whole));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return path(rest);
        }
    }

    private Source file(Path path, String format, String shown) throws Refused {
        if (!Files.isRegularFile(path)) {
            throw new Refused(FAILED, "No such file: " + path);
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new Refused(FAILED, path + " is larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String chosen = format;
            String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (chosen == null && file.endsWith(".json")) {
                chosen = "json";
            } else if (chosen == null && (file.endsWith(".yaml") || file.endsWith(".yml"))) {
                chosen = "yaml";
            }
            return new Source(text, chosen, shown);
        } catch (CharacterCodingException e) {
            throw new Refused(FAILED, path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new Refused(FAILED, "Cannot read " + path + ": " + e.getMessage());
        }
    }

    private Source row(String rest, String shown) throws Refused, SQLException {
        DbLocation source;
        try {
            source = DbLocation.parse(rest);
        } catch (IllegalArgumentException e) {
            throw new Refused(USAGE, e.getMessage());
        }
        Database db = database(source.datasource());
        Optional<WorkflowTable.Row> row = db.workflows().read(source.name());
        if (row.isEmpty()) {
            throw new Refused(FAILED, "No workflow " + SqlNames.quote(source.name()) + " in table "
                    + db.workflows().table() + " of datasource '" + db.name() + "'");
        }
        return new Source(row.get().definition(), row.get().info().format(), shown);
    }

    private static String guess(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? "json" : "yaml";
    }

    /** Compiles every workflow of the text with validation; prints the problems; true when none is an error. */
    private boolean check(Source source, String format, boolean force, PrintStream out) {
        WorkflowCompilerPlugin plugin;
        try {
            plugin = registry.create(format + "://", Map.of());
        } catch (UnknownSchemeException e) {
            out.println("Not checked: no " + format + " plugin is installed.");
            return true;
        }
        String text = source.text().indexOf('\n') < 0 && source.text().indexOf('\r') < 0
                ? source.text() + "\n" : source.text();
        List<Problem> problems = new ArrayList<>();
        try {
            List<String> names = plugin.workflowNames(text);
            for (String workflow : names.isEmpty() ? Collections.<String>singletonList(null) : names) {
                try {
                    problems.addAll(plugin.compile(text, workflow, true).warnings());
                } catch (InvalidWorkflowException e) {
                    problems.addAll(located(e));
                }
            }
        } catch (InvalidWorkflowException e) {
            problems.addAll(located(e));
        } catch (RuntimeException e) {
            problems.add(Problem.error(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        boolean errors = false;
        for (Problem problem : problems) {
            out.println(problem.withSource(source.shown()).format());
            errors |= problem.isError();
        }
        if (errors && force) {
            out.println("Storing it anyway (--force).");
            return true;
        }
        return !errors;
    }

    private static List<Problem> located(InvalidWorkflowException e) {
        return e.problems().isEmpty() ? List.of(Problem.error(e.getMessage())) : e.problems();
    }

    // ---------------------------------------------------------------- db-list

    /** Lists name, version, format and update time of every workflow of a datasource (all of them: {@code null}). */
    public int list(String datasource, PrintStream out) {
        try {
            List<Database> chosen = chosen(datasource);
            List<String[]> rows = new ArrayList<>();
            boolean several = chosen.size() > 1;
            rows.add(several ? new String[] {"DATASOURCE", "NAME", "VERSION", "FORMAT", "UPDATED"}
                    : new String[] {"NAME", "VERSION", "FORMAT", "UPDATED"});
            for (Database db : chosen) {
                for (StoredWorkflow row : db.workflows().list()) {
                    String[] cells = {row.name(), String.valueOf(row.version()), row.format(), time(row.updatedAt())};
                    rows.add(several ? prepend(db.name(), cells) : cells);
                }
            }
            if (rows.size() == 1) {
                out.println("No workflows stored" + (datasource == null ? "." : " in datasource '" + datasource + "'."));
                return OK;
            }
            table(rows, out);
            return OK;
        } catch (Refused e) {
            out.println(e.getMessage());
            return e.status;
        } catch (SQLException e) {
            out.println("Cannot list the workflows: " + e.getMessage());
            return FAILED;
        }
    }

    // ---------------------------------------------------------------- db-threads

    /**
     * Lists the runs waiting in a datasource's checkpoint table: thread, workflow, node, status
     * ({@code waiting}, or {@code resumed} while a resume runs), deadline, saved and age (since saved).
     */
    public int threads(String datasource, PrintStream out) {
        try {
            List<Database> chosen = chosen(datasource);
            List<String[]> rows = new ArrayList<>();
            boolean several = chosen.size() > 1;
            String[] header = {"THREAD", "WORKFLOW", "NODE", "STATUS", "DEADLINE", "SAVED", "AGE"};
            Instant now = clock.instant();
            rows.add(several ? prepend("DATASOURCE", header) : header);
            for (Database db : chosen) {
                for (CheckpointTable.Summary row : db.checkpoints().list()) {
                    String[] cells = {row.threadId(), String.valueOf(row.workflow()), String.valueOf(row.nextNode()),
                            row.status(), row.deadline() == null ? "-" : time(row.deadline()), time(row.savedAt()),
                            age(Duration.between(row.savedAt(), now))};
                    rows.add(several ? prepend(db.name(), cells) : cells);
                }
            }
            if (rows.size() == 1) {
                out.println("No runs are waiting.");
                return OK;
            }
            table(rows, out);
            return OK;
        } catch (Refused e) {
            out.println(e.getMessage());
            return e.status;
        } catch (SQLException e) {
            out.println("Cannot list the checkpoints: " + e.getMessage());
            return FAILED;
        }
    }

    // ---------------------------------------------------------------- helpers

    private Database database(String name) throws Refused {
        String chosen = name;
        if (chosen == null) {
            try {
                chosen = databases.defaultName();
            } catch (IllegalStateException e) {
                throw new Refused(USAGE, e.getMessage() + " (use --datasource)");
            }
        }
        String finalName = chosen;
        return databases.get(chosen).orElseThrow(() -> new Refused(USAGE, "No datasource '" + finalName
                + "'; configured: " + String.join(", ", databases.names())));
    }

    private List<Database> chosen(String datasource) throws Refused {
        if (datasource != null) {
            return List.of(database(datasource));
        }
        List<Database> all = new ArrayList<>();
        for (String name : databases.names()) {
            databases.get(name).ifPresent(all::add);
        }
        if (all.isEmpty()) {
            throw new Refused(FAILED, "No datasource is configured (factory PID "
                    + "dev.victor.workflow.db.datasource)");
        }
        return all;
    }

    /** An age as its two largest units: {@code 3d 4h}, {@code 5h 2m}, {@code 12m 30s}, {@code 4s}. */
    static String age(Duration age) {
        if (age.isNegative()) {
            return "0s";
        }
        long days = age.toDays();
        long hours = age.toHoursPart();
        long minutes = age.toMinutesPart();
        long seconds = age.toSecondsPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + seconds + "s" : seconds + "s";
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static void table(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
