/**
 * The expression language of conditions and transforms: a small, safe subset of Python
 * expressions, parsed once and evaluated against a state.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
