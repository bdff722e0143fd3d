package dev.victor.workflow.mongodb.internal;

/**
 * What a {@code mongodb://} URI names: {@code NAME} in the default datasource, or
 * {@code DATASOURCE/NAME}. The name is taken as written: it is only ever a value in a query
 * filter, never an operator.
 *
 * @param datasource the datasource, or {@code null} for the default one
 * @param name       the workflow's name
 */
public record MongoLocation(String datasource, String name) {

    /** @throws dev.victor.workflow.api.WorkflowException saying what is wrong */
    public static MongoLocation parse(String location) {
        if (location == null || location.isEmpty()) {
            throw new dev.victor.workflow.api.WorkflowException("A mongodb location needs a workflow name:"
                    + " mongodb://NAME or mongodb://DATASOURCE/NAME");
        }
        int slash = location.indexOf('/');
        if (slash < 0) {
            return new MongoLocation(null, MongoNames.workflow(location));
        }
        return new MongoLocation(MongoNames.datasource(location.substring(0, slash)),
                MongoNames.workflow(location.substring(slash + 1)));
    }

    /** {@code mongodb://DATASOURCE/NAME} with the datasource that serves it. */
    public String uri(String resolvedDatasource) {
        return "mongodb://" + resolvedDatasource + "/" + name;
    }
}
