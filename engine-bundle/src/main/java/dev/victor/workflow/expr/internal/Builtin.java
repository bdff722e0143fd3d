package dev.victor.workflow.expr.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions an expression may call, with the arguments each accepts. Nothing else can be
 * called: an unknown name is a syntax error.
 */
public enum Builtin {
    LEN("len", 1, 1),
    MIN("min", 1, Builtin.MANY, "default", "key"),
    MAX("max", 1, Builtin.MANY, "default", "key"),
    SUM("sum", 1, 2, "start"),
    ABS("abs", 1, 1),
    ROUND("round", 1, 2, "ndigits"),
    STR("str", 0, 1),
    INT("int", 0, 1),
    FLOAT("float", 0, 1),
    BOOL("bool", 0, 1),
    SORTED("sorted", 1, 1, "reverse", "key"),
    ANY("any", 1, 1),
    ALL("all", 1, 1),
    CURRENT_TIMESTAMP("current_timestamp", 0, 0),
    MERGE("merge", 0, Builtin.MANY),
    CONCAT("concat", 0, Builtin.MANY),
    FILTER("filter", 1, 1, Builtin.ANY_KEYWORD),
    DEDUPLICATE("deduplicate", 1, 1, "by"),
    LIST("list", 0, 1),
    DICT("dict", 0, 1, Builtin.ANY_KEYWORD),
    RANGE("range", 1, 3),
    ENUMERATE("enumerate", 1, 2, "start"),
    ZIP("zip", 0, Builtin.MANY),
    DIVMOD("divmod", 2, 2),
    REVERSED("reversed", 1, 1),
    ISINSTANCE("isinstance", 2, 2),
    SET("set", 0, 1),
    TUPLE("tuple", 0, 1),
    LOCALS("locals", 0, 0),
    GLOBALS("globals", 0, 0);

    static final int MANY = Integer.MAX_VALUE;
    static final String ANY_KEYWORD = "*";
    private static final Map<String, Builtin> BY_NAME = new HashMap<>();

    static {
        for (Builtin b : values()) {
            BY_NAME.put(b.pyName, b);
        }
    }

    final String pyName;
    private final int minArgs;
    private final int maxArgs;
    private final Set<String> keywords;

    Builtin(String pyName, int minArgs, int maxArgs, String... keywords) {
        this.pyName = pyName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.keywords = Set.of(keywords);
    }

    /** The function of that name, or null. */
    public static Builtin byName(String name) {
        return BY_NAME.get(name);
    }

    /** Checks a call's shape at parse time: a message, or null when it is fine. */
    String checkCall(int positional, List<String> keywordNames) {
        for (String k : keywordNames) {
            if (!keywords.contains(k) && !keywords.contains(ANY_KEYWORD)) {
                return keywords.isEmpty() ? pyName + "() takes no keyword arguments"
                        : pyName + "() got an unexpected keyword argument '" + k + "'";
            }
        }
        if (positional < minArgs || positional > maxArgs) {
            String expected;
            if (minArgs == maxArgs) {
                expected = minArgs == 0 ? "no arguments" : minArgs == 1 ? "exactly one argument"
                        : "exactly " + minArgs + " arguments";
            } else if (maxArgs == MANY) {
                expected = "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
            } else {
                expected = "from " + minArgs + " to " + maxArgs + " arguments";
            }
            return pyName + "() takes " + expected + " (" + positional + " given)";
        }
        return null;
    }
}
