package dev.victor.workflow.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One datasource, a factory configuration (factory PID {@value #FACTORY_PID}), for example
 * {@code etc/dev.victor.workflow.db.datasource-main.cfg}:
 * <pre>
 * name = default
 * url = jdbc:postgresql://db.example/victor
 * user = victor
 * password = ...
 * </pre>
 */
@ObjectClassDefinition(id = DataSourceConfig.FACTORY_PID, name = "Victor workflow datasource",
        description = "A SQL database holding workflows (scheme db) and checkpoints of runs waiting for a person")
public @interface DataSourceConfig {

    String FACTORY_PID = "dev.victor.workflow.db.datasource";

    @AttributeDefinition(name = "Name", description = "The datasource's name, as in db://NAME/workflow")
    String name() default "default";

    @AttributeDefinition(name = "JDBC URL", description = "Such as jdbc:h2:file:/srv/victor/data/workflows or jdbc:postgresql://host/db")
    String url();

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Workflow table", description = "An SQL identifier, optionally schema.table")
    String table() default "workflows";

    @AttributeDefinition(name = "Checkpoint table", description = "An SQL identifier, optionally schema.table")
    String checkpoint_table() default "checkpoints";

    @AttributeDefinition(name = "Pool size", description = "Most connections open and lent at once", min = "1", max = "100")
    int pool_size() default 5;

    @AttributeDefinition(name = "Pool timeout (seconds)", description = "How long a caller waits for a free connection", min = "0")
    int pool_timeout_seconds() default 10;

    @AttributeDefinition(name = "Create schema", description = "Create both tables (CREATE TABLE IF NOT EXISTS) on first use")
    boolean create_schema() default true;

    @AttributeDefinition(name = "JDBC driver class", required = false,
            description = "The osgi.jdbc.driver.class of the DataSourceFactory to use; empty: from the URL (H2, PostgreSQL)")
    String driver() default "";
}
