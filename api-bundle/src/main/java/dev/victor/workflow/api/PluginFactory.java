package dev.victor.workflow.api;

import java.util.Map;

/** Builds a plugin from its options, for registration in code. */
@FunctionalInterface
public interface PluginFactory {
    WorkflowCompilerPlugin create(Map<String, ?> options);
}
