package dev.victor.workflow.api;

import org.osgi.annotation.versioning.ConsumerType;

import java.util.Map;

/** Builds a plugin from its options, for registration in code. */
@ConsumerType
@FunctionalInterface
public interface PluginFactory {
    WorkflowCompilerPlugin create(Map<String, ?> options);
}
