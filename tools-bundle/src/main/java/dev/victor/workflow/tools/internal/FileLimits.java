package dev.victor.workflow.tools.internal;

/**
 * The file tools' limits.
 *
 * @param maxFileBytes the largest file read, written or searched ({@code max.file.bytes})
 * @param maxResults   the most lines, matches or entries a call returns ({@code max.results})
 */
record FileLimits(long maxFileBytes, int maxResults) {
    static final FileLimits DEFAULTS = new FileLimits(1 << 20, 500);

    FileLimits {
        if (maxFileBytes < 1 || maxResults < 1) {
            throw new IllegalArgumentException("max.file.bytes and max.results must be positive");
        }
    }
}
