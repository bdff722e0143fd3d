package dev.victor.workflow.expr.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The methods an expression may call: {@code get keys values items pop update setdefault clear
 * copy} on maps, {@code lower upper strip lstrip rstrip split startswith endswith replace join
 * format title capitalize find isdigit isalpha isspace zfill} on strings, {@code append extend
 * pop insert remove sort reverse clear copy} on lists (a list or map from the state is copied
 * first, see {@link Items}), {@code count index} on strings and lists; {@code add discard remove
 * union intersection difference issubset issuperset} on sets, {@code isoformat timestamp} on
 * datetimes, {@code group groups start end span} on regular expression matches.
 */
public enum Method {
    GET("get", 1, 2),
    KEYS("keys", 0, 0),
    VALUES("values", 0, 0),
    ITEMS("items", 0, 0),
    LOWER("lower", 0, 0),
    UPPER("upper", 0, 0),
    STRIP("strip", 0, 1),
    SPLIT("split", 0, 2),
    STARTSWITH("startswith", 1, 1),
    ENDSWITH("endswith", 1, 1),
    REPLACE("replace", 2, 3),
    JOIN("join", 1, 1),
    APPEND("append", 1, 1),
    EXTEND("extend", 1, 1),
    COUNT("count", 1, 1),
    INDEX("index", 1, 1),
    ADD("add", 1, 1),
    DISCARD("discard", 1, 1),
    REMOVE("remove", 1, 1),
    UNION("union", 0, Integer.MAX_VALUE),
    INTERSECTION("intersection", 0, Integer.MAX_VALUE),
    DIFFERENCE("difference", 0, Integer.MAX_VALUE),
    ISSUBSET("issubset", 1, 1),
    ISSUPERSET("issuperset", 1, 1),
    ISOFORMAT("isoformat", 0, 1),
    TIMESTAMP("timestamp", 0, 0),
    GROUP("group", 0, 1),
    GROUPS("groups", 0, 0),
    START("start", 0, 0),
    END("end", 0, 0),
    SPAN("span", 0, 0),
    FORMAT("format", 0, Integer.MAX_VALUE),
    POP("pop", 0, 2),
    INSERT("insert", 2, 2),
    SORT("sort", 0, 0),
    REVERSE("reverse", 0, 0),
    CLEAR("clear", 0, 0),
    COPY("copy", 0, 0),
    UPDATE("update", 0, 1),
    SETDEFAULT("setdefault", 1, 2),
    TITLE("title", 0, 0),
    CAPITALIZE("capitalize", 0, 0),
    LSTRIP("lstrip", 0, 1),
    RSTRIP("rstrip", 0, 1),
    FIND("find", 1, 1),
    ISDIGIT("isdigit", 0, 0),
    ISALPHA("isalpha", 0, 0),
    ISSPACE("isspace", 0, 0),
    ZFILL("zfill", 1, 1);

    /** Whether the method takes keyword arguments. */
    boolean takesKeywords() {
        return this == FORMAT || this == SORT || this == UPDATE;
    }

    private static final Map<String, Method> BY_NAME = new HashMap<>();

    static {
        for (Method m : values()) {
            BY_NAME.put(m.pyName, m);
        }
    }

    final String pyName;
    private final int minArgs;
    private final int maxArgs;

    Method(String pyName, int minArgs, int maxArgs) {
        this.pyName = pyName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public static Method byName(String name) {
        return BY_NAME.get(name);
    }

    /** Checks a call's shape at parse time: a message, or null when it is fine. */
    String checkCall(int positional, boolean keywords) {
        if (keywords && !takesKeywords()) {
            return pyName + "() takes no keyword arguments";
        }
        if (positional < minArgs || positional > maxArgs) {
            String expected = minArgs == maxArgs
                    ? (minArgs == 0 ? "no arguments" : minArgs == 1 ? "exactly one argument"
                            : "exactly " + minArgs + " arguments")
                    : "from " + minArgs + " to " + maxArgs + " arguments";
            return pyName + "() takes " + expected + " (" + positional + " given)";
        }
        return null;
    }
}
