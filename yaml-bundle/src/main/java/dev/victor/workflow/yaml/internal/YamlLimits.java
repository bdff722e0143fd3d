package dev.victor.workflow.yaml.internal;

/**
 * The bounds on what the YAML plugin reads. Every one fails fast with an error that names it and
 * its value; none is a guess at run time.
 *
 * @param maxDocumentBytes  largest document, in bytes of UTF-8 (a file is checked before it is read)
 * @param maxNestingDepth   deepest nesting of mappings and sequences
 * @param maxAliases        most alias uses ({@code *name}) in one document
 * @param maxAliasExpansion most values an alias may copy into the tree, counted over the whole
 *                          document (what stops a "billion laughs" document)
 * @param maxValues         most values in one document, counting every scalar (keys too), mapping and
 *                          sequence as written, before aliases are expanded (what bounds the memory a
 *                          document of many small values takes: each costs far more than its bytes)
 */
public record YamlLimits(long maxDocumentBytes, int maxNestingDepth, int maxAliases, int maxAliasExpansion,
                         int maxValues) {

    /** 10 MiB: far above any real workflow (the largest in Victor's corpus is about 30 KiB). */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
    /** 100 levels: real workflows nest about 8 deep. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    /** 50 alias uses per document. */
    public static final int DEFAULT_MAX_ALIASES = 50;
    /** 10,000 values copied through aliases per document. */
    public static final int DEFAULT_MAX_ALIAS_EXPANSION = 10_000;
    /** 100,000 values: the largest workflow in Victor's corpus has about 2,000. */
    public static final int DEFAULT_MAX_VALUES = 100_000;

    private static final YamlLimits DEFAULTS = new YamlLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH,
            DEFAULT_MAX_ALIASES, DEFAULT_MAX_ALIAS_EXPANSION, DEFAULT_MAX_VALUES);

    public YamlLimits {
        positive("maxDocumentBytes", maxDocumentBytes);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxValues", maxValues);
        if (maxAliases < 0) {
            throw new IllegalArgumentException("maxAliases must not be negative, was " + maxAliases);
        }
        if (maxAliasExpansion < 0) {
            throw new IllegalArgumentException("maxAliasExpansion must not be negative, was " + maxAliasExpansion);
        }
        if (maxDocumentBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxDocumentBytes must be below 2 GiB, was " + maxDocumentBytes);
        }
    }

    /** The limits with the default {@link #maxValues()}. */
    public YamlLimits(long maxDocumentBytes, int maxNestingDepth, int maxAliases, int maxAliasExpansion) {
        this(maxDocumentBytes, maxNestingDepth, maxAliases, maxAliasExpansion, DEFAULT_MAX_VALUES);
    }

    public static YamlLimits defaults() {
        return DEFAULTS;
    }

    public YamlLimits withMaxDocumentBytes(long value) {
        return new YamlLimits(value, maxNestingDepth, maxAliases, maxAliasExpansion, maxValues);
    }

    public YamlLimits withMaxNestingDepth(int value) {
        return new YamlLimits(maxDocumentBytes, value, maxAliases, maxAliasExpansion, maxValues);
    }

    public YamlLimits withMaxAliases(int value) {
        return new YamlLimits(maxDocumentBytes, maxNestingDepth, value, maxAliasExpansion, maxValues);
    }

    public YamlLimits withMaxAliasExpansion(int value) {
        return new YamlLimits(maxDocumentBytes, maxNestingDepth, maxAliases, value, maxValues);
    }

    public YamlLimits withMaxValues(int value) {
        return new YamlLimits(maxDocumentBytes, maxNestingDepth, maxAliases, maxAliasExpansion, value);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
