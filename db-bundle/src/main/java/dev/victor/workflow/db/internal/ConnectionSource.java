package dev.victor.workflow.db.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new physical connection: the OSGi {@code DataSourceFactory}'s data source, or the driver. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
