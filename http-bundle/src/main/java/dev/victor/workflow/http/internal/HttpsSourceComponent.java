package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.PluginName;
import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.kernel.osgi.OsgiSystemLogger;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import java.util.Map;

/**
 * The {@code https} source as an OSGi service; see {@link HttpSourceComponent}, whose
 * configuration (PID {@value HttpSourceConfig#PID}) it shares.
 */
@Component(service = WorkflowSource.class, configurationPid = HttpSourceConfig.PID)
@Scheme("https")
@PluginName("http")
public final class HttpsSourceComponent implements WorkflowSource {
    private final HttpSource source;

    @Activate
    public HttpsSourceComponent(HttpSourceConfig config, Map<String, Object> properties,
                                @Reference(name = "logger", service = LoggerFactory.class,
                                        cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.source = SourceComponents.source("https", config, properties,
                new OsgiSystemLogger(() -> logger, System.getLogger(HttpSource.class.getName())));
    }

    @Deactivate
    void deactivate() {
        source.close();
    }

    @Override
    public SourceDocument read(String location) {
        return source.read(location);
    }

    @Override
    public String fingerprint(String location) {
        return source.fingerprint(location);
    }

    @Override
    public boolean accepts(String location) {
        return source.accepts(location);
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
