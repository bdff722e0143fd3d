/**
 * Tools for compiler plugins that read documents: where every value of a parsed tree starts
 * ({@link dev.victor.workflow.kernel.source.PositionTree}), strict UTF-8 decoding, confined file
 * reads within a size limit, and the policy for {@code $env.NAME} values.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.kernel.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
