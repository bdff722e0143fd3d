package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.api.WorkflowException;

import java.util.regex.Pattern;

/** The names the mongodb source takes: datasources, databases, collections and workflows. */
public final class MongoNames {

    static final int MAX_WORKFLOW_NAME_LENGTH = 255;
    private static final Pattern DATASOURCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    /** MongoDB's own rules are looser; these names need no quoting anywhere and cannot surprise. */
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");
    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,119}");

    private MongoNames() {
    }

    public static String datasource(String name) {
        if (name == null || !DATASOURCE.matcher(name).matches()) {
            throw new WorkflowException("'" + printable(name) + "' is not a datasource name (1 to 64 letters, digits,"
                    + " '_', '-' or '.', not starting with '-' or '.')");
        }
        return name;
    }

    public static String database(String name) {
        if (name == null || !DATABASE.matcher(name).matches()) {
            throw new WorkflowException("'" + printable(name) + "' is not an allowed MongoDB database name (1 to 63"
                    + " letters, digits, '_' or '-', not starting with '-')");
        }
        return name;
    }

    /**
     * @throws WorkflowException for a name MongoDB refuses or that would reach into its own
     *                           collections ({@code system.*}), a {@code $}, a NUL, an empty or long name
     */
    public static String collection(String name) {
        if (name == null || !COLLECTION.matcher(name).matches() || name.contains("..") || name.endsWith(".")) {
            throw new WorkflowException("'" + printable(name) + "' is not an allowed collection name (1 to 120"
                    + " letters, digits, '_', '-' or '.', starting with a letter or '_')");
        }
        if (name.startsWith("system.")) {
            throw new WorkflowException("'" + name + "' is not an allowed collection name: system.* collections"
                    + " belong to MongoDB");
        }
        return name;
    }

    /** A workflow's name: 1 to 255 characters, no {@code /}, no control characters, no blanks at either end. */
    public static String workflow(String name) {
        if (name == null || name.isEmpty()) {
            throw new WorkflowException("A workflow name is required");
        }
        if (name.length() > MAX_WORKFLOW_NAME_LENGTH) {
            throw new WorkflowException("The workflow name '" + printable(name) + "' is longer than "
                    + MAX_WORKFLOW_NAME_LENGTH + " characters");
        }
        if (name.indexOf('/') >= 0) {
            throw new WorkflowException("The workflow name '" + printable(name)
                    + "' contains '/', which separates the datasource in mongodb://DATASOURCE/NAME");
        }
        if (!name.strip().equals(name)) {
            throw new WorkflowException("The workflow name '" + printable(name) + "' begins or ends with white space");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new WorkflowException("The workflow name '" + printable(name) + "' contains a control character");
            }
        }
        return name;
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
