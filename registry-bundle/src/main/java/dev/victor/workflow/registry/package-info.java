/**
 * The workflow compiler registry, usable on and off OSGi: URI rules ({@link
 * dev.victor.workflow.registry.WorkflowUri}, {@link dev.victor.workflow.registry.SchemeResolver}),
 * {@link dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry} with its cache of compiled
 * graphs, its settings and statistics, and the optional interfaces a plugin may implement
 * ({@link dev.victor.workflow.registry.SchemaAware}).
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
