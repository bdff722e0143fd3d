/**
 * Rendering of graph views (Mermaid, DOT, JSON) and the JSON of state values (jackson-databind),
 * shared by the engine and by the bundles that print results or read JSON given by a user.
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.engine.render;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
