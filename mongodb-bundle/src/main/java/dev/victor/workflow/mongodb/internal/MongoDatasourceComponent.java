package dev.victor.workflow.mongodb.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One per datasource factory configuration: checks it, opens its client and adds it to the
 * source. It publishes no service (the configuration holds a connection string). A configuration
 * that is not valid (a collection name that is not allowed, a malformed connection string, a name
 * already taken) fails here, with the reason in the log and no password in it.
 */
@Component(configurationPid = MongoDatasourceConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = MongoDatasourceConfig.class, factory = true)
public final class MongoDatasourceComponent {

    private final MongoSourceComponent source;
    private final MongoDatasource datasource;

    @Activate
    public MongoDatasourceComponent(MongoDatasourceConfig config, @Reference(name = "source") MongoSourceComponent source) {
        this.source = source;
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
