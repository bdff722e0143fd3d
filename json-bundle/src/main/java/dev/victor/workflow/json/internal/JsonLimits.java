package dev.victor.workflow.json.internal;

/**
 * The bounds on what the JSON plugin reads, enforced by Jackson's {@code StreamReadConstraints}
 * while parsing (and, for the size, before a file is read).
 *
 * @param maxDocumentBytes largest document, in bytes of UTF-8
 * @param maxNestingDepth  deepest nesting of objects and arrays
 * @param maxStringLength  longest string value, in characters
 * @param maxNameLength    longest member name, in characters
 * @param maxNumberLength  longest number, in characters
 * @param maxValues        most values in one document, counting every member name, scalar, object
 *                         and array (what bounds the memory a document of many small values takes)
 */
public record JsonLimits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxNameLength,
                         int maxNumberLength, int maxValues) {

    /** 10 MiB, as for YAML. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    /** 100 levels, as for YAML. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    /** 1 MiB characters: a prompt or goal is a few KiB. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;
    /** 10,000 characters for a member name. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 10_000;
    /** 1,000 digits for a number (Jackson's own default). */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
    /** 100,000 values, as for YAML. */
    public static final int DEFAULT_MAX_VALUES = 100_000;

    private static final JsonLimits DEFAULTS = new JsonLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH,
            DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_VALUES);

    public JsonLimits {
        if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxDocumentBytes must be between 1 and 2 GiB, was " + maxDocumentBytes);
        }
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxStringLength", maxStringLength);
        positive("maxNameLength", maxNameLength);
        positive("maxNumberLength", maxNumberLength);
        positive("maxValues", maxValues);
    }

    /** The limits with the default {@link #maxValues()}. */
    public JsonLimits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxNameLength,
                      int maxNumberLength) {
        this(maxDocumentBytes, maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, DEFAULT_MAX_VALUES);
    }

    public static JsonLimits defaults() {
        return DEFAULTS;
    }

    public JsonLimits withMaxDocumentBytes(long value) {
        return new JsonLimits(value, maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, maxValues);
    }

    public JsonLimits withMaxNestingDepth(int value) {
        return new JsonLimits(maxDocumentBytes, value, maxStringLength, maxNameLength, maxNumberLength, maxValues);
    }

    public JsonLimits withMaxStringLength(int value) {
        return new JsonLimits(maxDocumentBytes, maxNestingDepth, value, maxNameLength, maxNumberLength, maxValues);
    }

    public JsonLimits withMaxValues(int value) {
        return new JsonLimits(maxDocumentBytes, maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, value);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
