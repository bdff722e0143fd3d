/**
 * The registry's built-in source of local files: the {@code file} scheme, and the path-or-text
 * rule of the schemes named after a format ({@code yaml://}, {@code yml://}, {@code json://}, and
 * a bare path). {@link dev.victor.workflow.registry.file.FileSourceOptions} is what a caller off
 * OSGi sets through {@code DefaultWorkflowCompilerRegistry.Builder#files}.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.registry.file;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
