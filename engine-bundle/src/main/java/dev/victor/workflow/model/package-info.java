/**
 * The workflow model (immutable records, a sealed node hierarchy), the reader that builds it
 * from a parsed YAML or JSON tree, and validation.
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
