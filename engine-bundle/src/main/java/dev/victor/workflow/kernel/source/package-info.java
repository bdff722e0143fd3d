/**
 * Tools for compiler plugins that read documents: where every value of a parsed tree starts
 * ({@link dev.victor.workflow.kernel.source.PositionTree}), strict UTF-8 decoding, confined file
 * reads within a size limit, the policy for {@code $env.NAME} values, and the SHA-256 of
 * fingerprints and cache keys ({@link dev.victor.workflow.kernel.source.Sha256}).
 */
@Export
@Version("1.1.0")
package dev.victor.workflow.kernel.source;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
