/**
 * The graph engine: the programmatic {@link dev.victor.workflow.engine.GraphBuilder}, the
 * {@link dev.victor.workflow.engine.DefinitionCompiler} that turns a workflow definition into an
 * executable graph, the engine's options, and an in-memory checkpoint store. Both entry points
 * produce the same executable representation; the implementation lives in the private
 * {@code engine.internal} package.
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
