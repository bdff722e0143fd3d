/**
 * OSGi glue that bundles share: {@link dev.victor.workflow.kernel.osgi.OsgiSystemLogger} lets code
 * that logs through the JDK's {@link java.lang.System.Logger} write to the OSGi log service.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.kernel.osgi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
