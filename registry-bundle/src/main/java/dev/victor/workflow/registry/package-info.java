/**
 * The workflow compiler registry, usable on and off OSGi: URI rules ({@link
 * dev.victor.workflow.registry.WorkflowUri}, {@link dev.victor.workflow.registry.SchemeResolver}),
 * {@link dev.victor.workflow.registry.DefaultWorkflowCompilerRegistry} with its cache of compiled
 * graphs, its settings and statistics.
 */
@Export
@Version("2.0.0")
package dev.victor.workflow.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
