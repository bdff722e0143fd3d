package dev.victor.workflow.mongodb.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps passwords out of messages: the one in a connection string, and the configured one anywhere. */
final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(mongodb(?:\\+srv)?://[^:/@]*):([^@/]*)@");
    /** Shorter passwords are not searched for in messages (every "a" would become "***"). */
    private static final int MIN_SEARCHED_LENGTH = 4;

    private Redaction() {
    }

    /** The connection string with its password, if any, replaced by {@code ***}. */
    static String connection(String connection) {
        return connection == null ? null : USER_INFO.matcher(connection).replaceAll("$1:***@");
    }

    /** The password written in a connection string, or {@code ""}. */
    static String passwordIn(String connection) {
        Matcher matcher = USER_INFO.matcher(connection == null ? "" : connection);
        return matcher.find() ? matcher.group(2) : "";
    }

    /** The text without the passwords (and without connection-string passwords). */
    static String text(String text, String... passwords) {
        if (text == null) {
            return null;
        }
        String out = connection(text);
        for (String password : passwords) {
            if (password != null && password.length() >= MIN_SEARCHED_LENGTH) {
                out = out.replace(password, "***");
                String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
                out = out.replace(encoded, "***");
            }
        }
        return out;
    }
}
