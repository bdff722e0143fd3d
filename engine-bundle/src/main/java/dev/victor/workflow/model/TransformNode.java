package dev.victor.workflow.model;

import dev.victor.workflow.format.SourcePosition;

import dev.victor.workflow.expr.TransformProgram;

import java.util.List;
import java.util.Map;

/**
 * Writes state keys. Either a named transform function (the whole text is one identifier,
 * resolved when the node runs) or a program of assignments.
 *
 * @param transform    the text as written
 * @param functionName the registered transform's name, or {@code null}
 * @param program      the parsed statements, or {@code null} for a named transform
 */
public record TransformNode(String id, String name, List<String> next, boolean chained,
                            String transform, String functionName, TransformProgram program,
                            Map<String, Object> extras, SourcePosition position) implements NodeDefinition {
    @Override
    public String type() {
        return "transform";
    }
}
