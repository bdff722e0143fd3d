package dev.victor.workflow.db.internal;

/**
 * The configured SQL datasources, published as a service by {@link DatabasesComponent}: what the
 * {@code workflow:db-*} commands use, rather than the component that keeps them.
 */
public interface DatasourceCatalog {

    /** The datasources by name, with the default one. */
    Databases databases();
}
