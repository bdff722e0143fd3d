package dev.victor.workflow.http.internal;

/** Workflow documents served in the tests. */
final class Documents {
    private Documents() {
    }

    static final String YAML = """
            workflows:
              hello:
                nodes:
                  - id: greet
                    type: transform
                    transform: "greeted = True"
            """;

    static final String JSON = """
            {"workflows": {"hello_json": {"nodes": [
              {"id": "greet", "type": "transform", "transform": "greeted = True"}]}}}
            """;

    static final String TWO_WORKFLOWS = """
            workflows:
              first:
                nodes:
                  - {id: a, type: transform, transform: "a = 1"}
              second:
                nodes:
                  - {id: b, type: transform, transform: "b = 2"}
            """;

    /** A YAML document for a workflow named {@code name}. */
    static String yaml(String name) {
        return YAML.replace("hello:", name + ":");
    }
}
