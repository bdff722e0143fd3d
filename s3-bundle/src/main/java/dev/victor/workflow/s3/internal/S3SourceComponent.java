package dev.victor.workflow.s3.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.s3.S3Listing;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.util.List;
import java.util.Map;

/**
 * The s3 source as a service ({@code scheme=s3}), configured by PID {@value S3Config#PID}; without a
 * configuration it uses AWS in us-east-1 with the default credentials chain. The settings are
 * checked at activation; the client (and the SDK's classes) only come with the first request, so
 * that a runtime that never reads from S3 does not pay for it at start. A changed configuration
 * replaces the service (and its client).
 */
@Component(service = {WorkflowSource.class, S3Listing.class}, configurationPid = S3Config.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Scheme("s3")
@Designate(ocd = S3Config.class)
public final class S3SourceComponent implements WorkflowSource, S3Listing {

    private final S3Settings settings;
    private S3WorkflowSource source;
    private boolean closed;

    @Activate
    public S3SourceComponent(S3Config config, Map<String, Object> configuration,
                             @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                             Logger logger) {
        this.settings = S3Settings.of(config);
        ConfigurationKeys.warn(configuration, ConfigurationKeys.of(S3Config.class, "scheme"), S3Config.PID, logger);
    }

    private synchronized S3WorkflowSource source() {
        if (closed) {
            throw new IllegalStateException("The s3 source has been stopped");
        }
        if (source == null) {
            source = new S3WorkflowSource(settings);
        }
        return source;
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        if (source != null) {
            source.close();
        }
    }

    @Override
    public SourceDocument read(String location) {
        return source().read(location);
    }

    @Override
    public String fingerprint(String location) {
        return source().fingerprint(location);
    }

    @Override
    public boolean accepts(String location) {
        return S3WorkflowSource.acceptsLocation(location);
    }

    @Override
    public List<String> list(String location) {
        return source().list(location);
    }
}
