package dev.victor.workflow.db.internal;

import java.util.Locale;

/**
 * What a {@code db} location names: {@code NAME} (in the default datasource) or
 * {@code DATASOURCE/NAME}. The registry hands the source the part after {@code db://}; the source
 * also accepts the whole URI. The name is taken as written (no decoding): it is only ever a bound
 * parameter.
 *
 * @param datasource the datasource's name, or {@code null} for the default one
 * @param name       the workflow's name in the table
 */
public record DbLocation(String datasource, String name) {

    static final String SCHEME_PREFIX = "db://";

    /**
     * Splits a source.
     *
     * @throws IllegalArgumentException when there is no name, or the datasource part is not a valid
     *                                  datasource name
     */
    public static DbLocation parse(String source) {
        if (source == null) {
            throw new IllegalArgumentException("No db source given");
        }
        String rest = source;
        if (rest.length() >= SCHEME_PREFIX.length()
                && rest.substring(0, SCHEME_PREFIX.length()).toLowerCase(Locale.ROOT).equals(SCHEME_PREFIX)) {
            rest = rest.substring(SCHEME_PREFIX.length());
        }
        int slash = rest.indexOf('/');
        String datasource = null;
        String name = rest;
        if (slash >= 0) {
            datasource = SqlNames.datasource(rest.substring(0, slash));
            name = rest.substring(slash + 1);
        }
        WorkflowTable.checkName(name);
        return new DbLocation(datasource, name);
    }

    /** {@code db://DATASOURCE/NAME} with the datasource that was used. */
    public String uri(String resolvedDatasource) {
        return SCHEME_PREFIX + resolvedDatasource + "/" + name;
    }
}
