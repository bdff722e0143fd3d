/**
 * Workflow sources: a {@link dev.victor.workflow.source.WorkflowSource} reads a document for the
 * part of a URI after its scheme and says what it is (content, media type, fingerprint, whether
 * it is trusted, how its references resolve). The registry composes a source with a
 * {@link dev.victor.workflow.format.WorkflowFormat} and the engine.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
