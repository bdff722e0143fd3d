package dev.victor.workflow.kernel.source;

import java.util.Locale;

/** When {@code $env.NAME} values are read from the environment. */
public enum EnvPolicy {
    /** For files on the local file system, not for text handed in (which may come from anywhere). */
    AUTO,
    /** For every source. */
    ON,
    /** Never: {@code $env.NAME} stays as written. */
    OFF;

    public boolean allows(boolean localFile) {
        return this == ON || this == AUTO && localFile;
    }

    /** {@code auto}, {@code true}/{@code on}, {@code false}/{@code off} (any case), or a {@link Boolean}. */
    public static EnvPolicy parse(Object value) {
        if (value == null) {
            return AUTO;
        }
        if (value instanceof Boolean bool) {
            return bool ? ON : OFF;
        }
        switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "", "auto", "default":
                return AUTO;
            case "true", "on", "yes", "always":
                return ON;
            case "false", "off", "no", "never":
                return OFF;
            default:
                throw new IllegalArgumentException("allow_env must be auto, true or false, was '" + value + "'");
        }
    }
}
