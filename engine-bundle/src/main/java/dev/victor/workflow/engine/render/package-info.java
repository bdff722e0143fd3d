/**
 * Rendering of graph views (Mermaid, DOT, JSON) and a small JSON writer for state values,
 * shared by the engine and by the bundles that print results.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.engine.render;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
