/**
 * What workflow nodes call out to: compute handlers, tools, named conditions and transforms,
 * the agent runtime, custom node executors and the checkpoint store. In OSGi these are
 * whiteboard services (with a {@code name} or {@code type} property); off OSGi the caller
 * supplies them through {@link dev.victor.workflow.spi.NodeServices}.
 */
@Export
@Version("1.3.0")
package dev.victor.workflow.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
