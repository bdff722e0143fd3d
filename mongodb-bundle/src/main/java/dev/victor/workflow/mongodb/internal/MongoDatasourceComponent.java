package dev.victor.workflow.mongodb.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One per datasource factory configuration: checks it and adds the datasource to the source (its
 * client comes with its first request). It publishes no service (the configuration holds a
 * connection string). A configuration that is not valid (a collection or database name that is not
 * allowed, a connection string that is not mongodb://, a name already taken) fails here, with the
 * reason in the log and no password in it; one the driver cannot parse fails its first request,
 * with the same care.
 */
@Component(configurationPid = MongoDatasourceConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = MongoDatasourceConfig.class, factory = true)
public final class MongoDatasourceComponent {

    private final MongoSourceComponent source;
    private final MongoDatasource datasource;

    @Activate
    public MongoDatasourceComponent(MongoDatasourceConfig config, @Reference(name = "source") MongoSourceComponent source,
                                    java.util.Map<String, Object> configuration,
                                    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                                    Logger logger) {
        this.source = source;
        ConfigurationKeys.warn(configuration, ConfigurationKeys.of(MongoDatasourceConfig.class),
                MongoDatasourceConfig.FACTORY_PID, logger);
        MongoDatasource opened = new MongoDatasource(MongoSettings.of(config));
        try {
            source.datasources().add(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        this.datasource = opened;
    }

    @Deactivate
    void deactivate() {
        source.datasources().remove(datasource);
        datasource.close();
    }
}
