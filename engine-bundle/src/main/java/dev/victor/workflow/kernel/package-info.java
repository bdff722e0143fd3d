/**
 * The kernel's front door for compiler plugins: a parsed tree in, a compiled graph out.
 * Reads the tree, validates it, selects the workflow and compiles it with the engine.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.kernel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
