package dev.victor.workflow.db.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the names that end up inside SQL text or URIs. Table names cannot be bound parameters, so
 * they are accepted only as plain SQL identifiers (optionally qualified by a schema): a letter or
 * underscore, then letters, digits or underscores, at most 63 characters (PostgreSQL's limit), and
 * not a reserved word. Nothing is quoted, so H2 (which folds to upper case) and PostgreSQL (lower
 * case) each see one consistent name.
 */
public final class SqlNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern DATASOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Words that H2 or PostgreSQL reserve, so that a table named so fails here and not in SQL. */
    private static final Set<String> RESERVED = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "between", "both", "case", "cast", "check",
            "column", "constraint", "create", "cross", "current_catalog", "current_date", "current_path",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default",
            "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false", "fetch",
            "for", "foreign", "from", "full", "grant", "group", "having", "if", "ilike", "in", "inner",
            "insert", "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "minus", "natural", "not", "null", "offset", "on", "or",
            "order", "primary", "qualify", "references", "regexp", "right", "row", "rownum", "select",
            "session_user", "set", "some", "symmetric", "system_user", "table", "to", "top", "trailing",
            "true", "truncate", "union", "unique", "unknown", "update", "user", "using", "value", "values",
            "when", "where", "window", "with", "_rowid_");

    private SqlNames() {
    }

    /**
     * The table name, checked.
     *
     * @param what what the name is for, for the message ("workflow table")
     * @throws IllegalArgumentException naming the problem; the name is quoted in the message
     */
    public static String table(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The " + what + " name is empty");
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(refused(name, what, "at most one '.' (schema.table) is allowed"));
        }
        for (String part : parts) {
            if (!IDENTIFIER.matcher(part).matches()) {
                throw new IllegalArgumentException(refused(name, what,
                        "a name is a letter or '_' followed by letters, digits or '_', at most 63 characters"));
            }
            if (RESERVED.contains(part.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(refused(name, what, "'" + part + "' is a reserved SQL word"));
            }
        }
        return name;
    }

    /** The datasource name, checked: it appears in {@code db://DATASOURCE/NAME} and in cache keys. */
    public static String datasource(String name) {
        if (name == null || !DATASOURCE.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid datasource name " + quote(name)
                    + ": letters, digits, '_', '.' or '-', starting with a letter or digit, at most 64 characters");
        }
        return name;
    }

    private static String refused(String name, String what, String rule) {
        return "Invalid " + what + " name " + quote(name) + ": " + rule;
    }

    /** The text in quotes, cut at 80 characters and with control characters escaped, for messages. */
    public static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        int end = Math.min(text.length(), 80);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
