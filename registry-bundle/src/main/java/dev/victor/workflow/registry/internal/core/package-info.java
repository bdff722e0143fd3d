/**
 * The parts behind {@link dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry}: the plugin
 * directory (changes under one lock), registrations and entries, the immutable plugin table, URI
 * resolution, the graph cache, the calls into a plugin, run defaults, service properties,
 * ServiceLoader discovery and the composition of sources and formats. Not exported.
 */
package dev.victor.workflow.registry.internal.core;
