/**
 * How the registry composes a {@link dev.victor.workflow.source.WorkflowSource} with a
 * {@link dev.victor.workflow.format.WorkflowFormat} and the kernel into a compiler plugin.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.registry.compose;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
