package dev.victor.workflow.mongodb.internal.command;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.mongodb.internal.MongoDatasource;
import dev.victor.workflow.mongodb.internal.MongoDatasources;
import dev.victor.workflow.mongodb.internal.MongoNames;
import dev.victor.workflow.mongodb.internal.StoredWorkflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The logic of the {@code workflow:mongo-*} commands, without a framework: each method takes its
 * arguments and where to print, and returns an exit status (0 done, 1 failed, 2 wrong argument), as
 * the registry's and the db bundle's commands do.
 */
public final class MongoCommands {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The commands and their usage. */
    public static final Map<String, String> USAGES = Map.of(
            "mongo-put", "workflow:mongo-put [-d|--datasource DATASOURCE] [-f|--format yaml|json] NAME FILE",
            "mongo-list", "workflow:mongo-list [-d|--datasource DATASOURCE]");

    private final MongoDatasources datasources;
    private final Clock clock;

    public MongoCommands(MongoDatasources datasources, Clock clock) {
        this.datasources = datasources;
        this.clock = clock;
    }

    /** Runs a command from its words, as a shell passes them (see {@link #USAGES}). */
    public int execute(String command, List<String> words, PrintStream out) {
        String usage = USAGES.get(command);
        if (usage == null) {
            out.println("Unknown command '" + command + "'; known: " + String.join(", ", new TreeSet<>(USAGES.keySet())));
            return USAGE;
        }
        String datasource = null;
        String format = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean isDatasource = word.equals("-d") || word.equals("--datasource");
            boolean isFormat = command.equals("mongo-put") && (word.equals("-f") || word.equals("--format"));
            if (isDatasource || isFormat) {
                if (i + 1 >= words.size()) {
                    out.println(word + " needs a value\nUsage: " + usage);
                    return USAGE;
                }
                if (isDatasource) {
                    datasource = words.get(++i);
                } else {
                    format = words.get(++i);
                }
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
        if (positional.size() != (command.equals("mongo-put") ? 2 : 0)) {
            out.println("Usage: " + usage);
            return USAGE;
        }
        return command.equals("mongo-put") ? put(positional.get(0), positional.get(1), datasource, format, out)
                : list(datasource, out);
    }

    /** Stores the file as the next version of the workflow (version 1 for a new name). */
    public int put(String name, String file, String datasource, String format, PrintStream out) {
        MongoDatasource target;
        String chosen;
        try {
            MongoNames.workflow(name);
            target = datasources.resolve(datasource);
            chosen = format == null ? null : checkFormat(format);
        } catch (WorkflowException e) {
            out.println(e.getMessage());
            return USAGE;
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            out.println("Not a file path: '" + file + "'");
            return USAGE;
        }
        try {
            String text = read(path, target.settings().maxBytes());
            if (chosen == null) {
                chosen = formatOf(path, text);
            }
            StoredWorkflow stored = target.put(name, chosen, text, clock.instant());
            out.println("Stored '" + name + "' version " + stored.version() + " (" + chosen + ", "
                    + text.getBytes(StandardCharsets.UTF_8).length + " bytes) in " + target.settings().where()
                    + "; compile it as " + uriOf(target, name));
            return OK;
        } catch (Refused e) {
            out.println(e.getMessage());
            return FAILED;
        } catch (WorkflowException e) {
            out.println("Cannot store '" + name + "': " + e.getMessage());
            return FAILED;
        }
    }

    /** Lists name, version, format and update time of every workflow of a datasource (of all: {@code null}). */
    public int list(String datasource, PrintStream out) {
        List<MongoDatasource> chosen = new ArrayList<>();
        try {
            if (datasource != null) {
                chosen.add(datasources.resolve(datasource));
            } else {
                for (String name : datasources.names()) {
                    datasources.get(name).ifPresent(chosen::add);
                }
            }
        } catch (WorkflowException e) {
            out.println(e.getMessage());
            return USAGE;
        }
        if (chosen.isEmpty()) {
            out.println("No MongoDB datasource is configured (factory PID dev.victor.workflow.mongodb.datasource)");
            return FAILED;
        }
        boolean several = chosen.size() > 1;
        List<String[]> rows = new ArrayList<>();
        rows.add(several ? new String[] {"DATASOURCE", "NAME", "VERSION", "FORMAT", "UPDATED"}
                : new String[] {"NAME", "VERSION", "FORMAT", "UPDATED"});
        try {
            for (MongoDatasource db : chosen) {
                for (StoredWorkflow row : db.list()) {
                    String[] cells = {row.name(), String.valueOf(row.version()), String.valueOf(row.format()),
                            time(row.updated())};
                    rows.add(several ? prepend(db.name(), cells) : cells);
                }
            }
        } catch (WorkflowException e) {
            out.println("Cannot list the workflows: " + e.getMessage());
            return FAILED;
        }
        if (rows.size() == 1) {
            out.println("No workflows stored" + (datasource == null ? "." : " in datasource '" + datasource + "'."));
            return OK;
        }
        table(rows, out);
        return OK;
    }

    private String uriOf(MongoDatasource target, String name) {
        boolean isDefault;
        try {
            isDefault = datasources.resolve(null) == target;
        } catch (WorkflowException e) {
            isDefault = false;
        }
        return isDefault ? "mongodb://" + name : "mongodb://" + target.name() + "/" + name;
    }

    /** A failure reading the file: the user's to fix. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static String read(Path path, long maxBytes) throws Refused {
        if (!Files.isRegularFile(path)) {
            throw new Refused("No such file: " + path);
        }
        try {
            if (Files.size(path) > maxBytes) {
                throw new Refused(path + " is larger than the datasource's limit of " + maxBytes + " bytes ('max.bytes')");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refused(path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new Refused("Cannot read " + path + ": " + e.getMessage());
        }
    }

    static String checkFormat(String format) {
        String lower = format.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "yaml", "yml" -> "yaml";
            case "json" -> "json";
            default -> throw new WorkflowException("Unknown format '" + format + "': yaml or json");
        };
    }

    private static String formatOf(Path path, String text) {
        String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".json")) {
            return "json";
        }
        if (file.endsWith(".yaml") || file.endsWith(".yml")) {
            return "yaml";
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? "json" : "yaml";
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
