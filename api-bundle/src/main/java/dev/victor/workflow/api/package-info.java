/**
 * The contract of the workflow runtime: compiler plugins, compiled graphs, run results and
 * events, graph views, the registry interface and the error family.
 */
@Export
@Version("1.4.0")
package dev.victor.workflow.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
