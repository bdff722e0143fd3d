/**
 * The parts behind {@link dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry}: the plugin
 * table and its entries, URI resolution, the graph cache, run defaults, service properties,
 * ServiceLoader discovery and the composition of sources and formats. Not exported.
 */
package dev.victor.workflow.registry.internal.core;
