/**
 * Workflow formats: a {@link dev.victor.workflow.format.WorkflowFormat} turns a document's content
 * into a tree of maps, lists and scalars with the source position of every value.
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
