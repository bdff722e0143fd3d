package dev.victor.workflow.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the built-in datasource lives (PID {@value #PID}), used only while no datasource is configured. */
@ObjectClassDefinition(id = DatabasesConfig.PID, name = "Victor workflow databases",
        description = "The embedded H2 database used while no datasource is configured")
public @interface DatabasesConfig {

    String PID = "dev.victor.workflow.db";

    @AttributeDefinition(name = "Data directory", required = false,
            description = "Directory of the built-in H2 database file; empty: the framework property victor.data,"
                    + " else karaf.data, else ./data")
    String data_directory() default "";

    @AttributeDefinition(name = "Built-in database enabled",
            description = "Use the built-in H2 database while no datasource is configured")
    boolean builtin_enabled() default true;
}
