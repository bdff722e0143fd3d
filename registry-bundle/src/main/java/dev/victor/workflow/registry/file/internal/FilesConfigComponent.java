package dev.victor.workflow.registry.file.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.kernel.source.EnvPolicy;
import dev.victor.workflow.registry.file.FileSourceOptions;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import java.util.Map;

/**
 * The options of the registry's file source from Configuration Admin (PID {@value FilesConfig#PID};
 * present with the defaults while there is no configuration). A new configuration replaces this
 * component, and the registry its file source (dropping what it cached from the old one).
 */
@Component(service = FilesConfigComponent.class, configurationPid = FilesConfig.PID)
@Designate(ocd = FilesConfig.class)
public final class FilesConfigComponent {
    private final FileSourceOptions options;

    @Activate
    public FilesConfigComponent(FilesConfig config, Map<String, Object> properties,
                                @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
                                Logger logger) {
        ConfigurationKeys.warn(properties, ConfigurationKeys.of(FilesConfig.class), FilesConfig.PID, logger);
        this.options = new FileSourceOptions(FileSourceOptions.path(config.base_directory()), config.strict(),
                EnvPolicy.parse(config.allow_env()), null, config.max_document_bytes(), config.max_references(),
                FileSourceOptions.types(config.custom_node_types()));
    }

    public FileSourceOptions options() {
        return options;
    }
}
