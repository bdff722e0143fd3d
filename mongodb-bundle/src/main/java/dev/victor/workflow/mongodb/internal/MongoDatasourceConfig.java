package dev.victor.workflow.mongodb.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One MongoDB datasource, a factory configuration (factory PID {@value #FACTORY_PID}), for example
 * {@code etc/dev.victor.workflow.mongodb.datasource-main.cfg}:
 * <pre>
 * name = default
 * connection = mongodb://victor@db1.example:27017,db2.example:27017/?authSource=admin&amp;replicaSet=rs0
 * .password = ...
 * database = victor
 * collection = workflows
 * </pre>
 * The password is best given as {@code .password}: a property whose name starts with a dot is
 * never published. One written in the connection string works too, and is kept out of every
 * message.
 */
@ObjectClassDefinition(id = MongoDatasourceConfig.FACTORY_PID, name = "Victor workflows: MongoDB datasource",
        description = "A MongoDB collection holding workflows, for mongodb://[DATASOURCE/]NAME")
public @interface MongoDatasourceConfig {

    String FACTORY_PID = "dev.victor.workflow.mongodb.datasource";

    @AttributeDefinition(name = "Name", description = "The datasource's name, as in mongodb://NAME/workflow")
    String name() default "default";

    @AttributeDefinition(name = "Connection string", description = "Such as mongodb://user@host:27017/?authSource=admin")
    String connection();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "The password of the user the connection string names; never logged or shown")
    String _password() default "";

    @AttributeDefinition(name = "Database", description = "The database holding the collection")
    String database() default "victor";

    @AttributeDefinition(name = "Collection", description = "Letters, digits, '_', '-' and '.', starting with a"
            + " letter or '_', at most 120 characters, not system.*")
    String collection() default "workflows";

    @AttributeDefinition(name = "Connect timeout (seconds)", min = "0.001",
            description = "Longest wait for a connection, and for a server to be selected")
    double connect_timeout() default 5;

    @AttributeDefinition(name = "Read timeout (seconds)", min = "0.001", description = "Longest wait for an answer")
    double read_timeout() default 30;

    @AttributeDefinition(name = "Definition size limit (bytes)", min = "1",
            description = "Largest workflow definition read or stored (UTF-8 bytes)")
    long max_bytes() default MongoSettings.DEFAULT_MAX_BYTES;
}
