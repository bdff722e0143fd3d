package dev.victor.workflow.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which datasource keeps the checkpoints (PID {@value #PID}). */
@ObjectClassDefinition(id = CheckpointStoreConfig.PID, name = "Victor workflow checkpoints in a database",
        description = "The checkpoint store of runs waiting for a person, in a datasource's checkpoint table")
public @interface CheckpointStoreConfig {

    String PID = "dev.victor.workflow.db.checkpoints";

    @AttributeDefinition(name = "Datasource", required = false,
            description = "The datasource's name; empty: the default one (the only one, or the one named default)")
    String datasource() default "";

    @AttributeDefinition(name = "Retention of finished threads (days)",
            description = "How long the checkpoint history of a finished run is kept; 0 keeps it for ever. Runs that"
                    + " wait, or are being resumed, are always kept")
    int retention_days() default 30;

    @AttributeDefinition(name = "Service ranking",
            description = "Against other checkpoint stores: the registry's runs use the highest-ranked one")
    int service_ranking() default 0;
}
