/**
 * The database bundle's implementation: the {@code db} workflow source, the JDBC checkpoint
 * store, connection pooling, the datasources' configuration, the OSGi components and the
 * {@code workflow:db-*} commands. Not exported.
 */
package dev.victor.workflow.db.internal;
