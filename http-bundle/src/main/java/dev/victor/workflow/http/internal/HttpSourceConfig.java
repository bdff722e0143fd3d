package dev.victor.workflow.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the http and https sources (PID {@value #PID}, shared by both), for example in
 * {@code etc/dev.victor.workflow.http.cfg}. OSGi names the properties with dots:
 * {@code connect.timeout}, {@code read.timeout}, {@code max.body.bytes}, {@code max.redirects},
 * {@code .headers}, {@code allowed.hosts}, {@code allow.private.networks}, {@code cache.size},
 * {@code revalidate.after}, {@code stale_if_error}.
 *
 * <p>{@code .headers} starts with a dot: Declarative Services does not copy such properties into
 * the service's properties, which every bundle can read. A key {@code headers} without the dot is
 * honoured too, but logged as a warning, because its values are then published.
 */
@ObjectClassDefinition(id = HttpSourceConfig.PID, name = "Victor workflows: HTTP source",
        description = "Fetches workflow documents over http and https for the registry, which reads them with the"
                + " format their Content-Type or extension names")
public @interface HttpSourceConfig {

    String PID = "dev.victor.workflow.http";

    @AttributeDefinition(name = "Connect timeout (seconds)", description = "Longest wait for a connection",
            min = "0.001")
    double connect_timeout() default 5;

    @AttributeDefinition(name = "Read timeout (seconds)",
            description = "Longest a request may take, from sending it to the last byte of the body (per redirect hop)",
            min = "0.001")
    double read_timeout() default 30;

    @AttributeDefinition(name = "Body size limit (bytes)",
            description = "Largest body read; counted while reading, whatever Content-Length says", min = "1")
    long max_body_bytes() default HttpOptions.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Redirects", description = "Redirects followed per fetch (never https to http,"
            + " never to another scheme)", min = "0", max = "20")
    int max_redirects() default HttpOptions.DEFAULT_MAX_REDIRECTS;

    @AttributeDefinition(name = "Headers", type = AttributeType.PASSWORD,
            description = "'Name: value' lines sent with every request to the origin of the URL asked for,"
                    + " for example 'Authorization: Bearer ...'. Never logged or shown in messages.")
    String[] _headers() default {};

    @AttributeDefinition(name = "Allowed hosts", description = "Host patterns that may be fetched: '*' any run of"
            + " characters, '?' one. '*' allows every host; an empty list allows none. An entry may hold several"
            + " patterns separated by commas (as a .cfg file gives a list)")
    String[] allowed_hosts() default {"*"};

    @AttributeDefinition(name = "Allow private networks", description = "Allow loopback, private, link-local,"
            + " unique-local and other non-public addresses (checked on the resolved address of every hop)")
    boolean allow_private_networks() default false;

    @AttributeDefinition(name = "Kept URLs", description = "URLs whose last document and validator are kept for"
            + " conditional requests", min = "0")
    int cache_size() default HttpOptions.DEFAULT_CACHE_SIZE;

    @AttributeDefinition(name = "Revalidate after (seconds)", description = "How long after a check the source"
            + " trusts what it has without asking the server; 0 asks every time", min = "0")
    double revalidate_after() default 0;

    @AttributeDefinition(name = "Stale if error", description = "When the server fails, the registry serves the"
            + " last good compile of the URL with a warning. Published as a service property, which the registry"
            + " reads from compiler plugins but not yet from sources: set stale.if.error in the registry's plugin"
            + " configuration for 'http' instead")
    boolean stale__if__error() default false;
}
