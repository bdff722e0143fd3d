package dev.victor.workflow.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The registry's configuration (PID {@value #PID}), in {@code etc/dev.victor.workflow.registry.cfg}. */
@ObjectClassDefinition(id = RegistryConfig.PID, name = "Victor workflow registry",
        description = "Default scheme, compiled-graph cache and run defaults of the workflow compiler registry")
public @interface RegistryConfig {

    String PID = "dev.victor.workflow.registry";

    @AttributeDefinition(name = "Default scheme",
            description = "Scheme of a URI that names none and whose extension picks none")
    String default_scheme() default "yaml";

    @AttributeDefinition(name = "Cache size", description = "Most compiled graphs kept; 0 disables the cache", min = "0")
    long cache_size() default 500;

    @AttributeDefinition(name = "Cache TTL (seconds)",
            description = "How long a compiled graph stays cached after its compile; 0 for no limit", min = "0")
    long cache_ttl_seconds() default 0;

    @AttributeDefinition(name = "Default max_iterations",
            description = "Iteration limit of runs whose caller set none; 0 keeps the workflow's own limit", min = "0")
    int default_max_iterations() default 0;

    @AttributeDefinition(name = "Validate", description = "Validate sources when compiling (validateSource first)")
    boolean validate() default true;
}
