/**
 * Workflows and checkpoints in a SQL database, for code that runs off OSGi: {@link
 * dev.victor.workflow.db.WorkflowDatabase} builds the {@code db} workflow source and the JDBC
 * checkpoint store from {@link dev.victor.workflow.db.DataSourceSettings} (a JDBC URL, user,
 * password and table names). In an OSGi framework the bundle's components do the same from
 * Configuration Admin, and nothing here is needed.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
