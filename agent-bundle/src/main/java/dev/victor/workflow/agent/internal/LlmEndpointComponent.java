package dev.victor.workflow.agent.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.agent.LlmEndpoint;
import dev.victor.workflow.agent.Provider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One factory configuration of {@value LlmEndpointConfig#PID}: when it is complete, an
 * {@link LlmEndpoint} service (property {@code name}; never the key). A configuration with none of
 * {@code provider}, {@code base.url} and {@code model} is an unfilled template and publishes nothing
 * quietly; one with some of them but not all is an error, logged with the missing keys.
 */
@Component(configurationPid = LlmEndpointConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = LlmEndpointConfig.class, factory = true)
public final class LlmEndpointComponent {

    private final ServiceRegistration<LlmEndpoint> registration;

    @Activate
    public LlmEndpointComponent(BundleContext context, LlmEndpointConfig config, Map<String, Object> properties,
                                @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        ServiceRegistration<LlmEndpoint> registered = null;
        ConfigurationKeys.warn(properties, ConfigurationKeys.of(LlmEndpointConfig.class),
                LlmEndpointConfig.PID, logger);
        if (properties.containsKey("provider") || properties.containsKey("base.url") || properties.containsKey("model")) {
            try {
                LlmEndpoint endpoint = endpoint(config, properties, System::getenv);
                Dictionary<String, Object> serviceProperties = new Hashtable<>();
                serviceProperties.put("name", endpoint.name());
                serviceProperties.put("provider", endpoint.provider().key());
                registered = context.registerService(LlmEndpoint.class, endpoint, serviceProperties);
            } catch (IllegalArgumentException invalid) {
                if (logger == null) {
                    throw invalid;
                }
                logger.error("The LLM endpoint configuration {} is not used: {}", properties.get("service.pid"),
                        invalid.getMessage());
            }
        }
        this.registration = registered;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    /** The endpoint a configuration describes; {@code environment} reads {@code api.key.env}. */
    static LlmEndpoint endpoint(LlmEndpointConfig config, Map<String, Object> properties,
                                UnaryOperator<String> environment) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of("provider", "base.url", "model")) {
            Object value = properties.get(key);
            if (value == null || String.valueOf(value).isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        String key = config.api_key();
        String variable = config.api_key_env().strip();
        if (!variable.isEmpty()) {
            if (!key.isBlank()) {
                throw new IllegalArgumentException("give api.key or api.key.env, not both");
            }
            key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("api.key.env names the environment variable '" + variable
                        + "', which is not set");
            }
        }
        URI base;
        try {
            base = URI.create(config.base_url().strip());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("base.url is not a URL");
        }
        if (config.timeout_seconds() < 1) {
            throw new IllegalArgumentException("timeout.seconds must be at least 1, not " + config.timeout_seconds());
        }
        Provider provider = Provider.parse(config.provider());
        String version = config.api_version().strip();
        String apiVersion = version.isEmpty() ? null : version.equalsIgnoreCase("none") ? "" : version;
        return new LlmEndpoint(config.name().strip(), provider, base, config.model().strip(),
                key.isBlank() ? null : key, Duration.ofSeconds(config.timeout_seconds()), config.max_retries(),
                Duration.ofSeconds(config.max_retry_wait_seconds()), config.stream(), config.max_tokens(),
                apiVersion, config.max_response_bytes());
    }
}
