package dev.victor.workflow.web.internal;

import dev.victor.workflow.kernel.osgi.ConfigurationKeys;
import dev.victor.workflow.api.WorkflowCompilerPlugin;
import dev.victor.workflow.api.WorkflowCompilerRegistry;
import dev.victor.workflow.format.WorkflowFormat;
import dev.victor.workflow.source.WorkflowSource;
import dev.victor.workflow.spi.CheckpointStore;
import dev.victor.workflow.spi.NodeServices;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import javax.servlet.Servlet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Publishes the {@link WebServlet} on the HTTP Whiteboard with only the whiteboard's properties
 * (its configuration, with the credentials, stays out of the service registry), and gives it the
 * registry, the checkpoint store and the installed node services. What a configuration builds is
 * made at the first request (a runtime without an HTTP server never pays for it) and again after
 * a change of the configuration.
 */
@Component(immediate = true, service = {}, configurationPid = WebConfig.PID)
@Designate(ocd = WebConfig.class)
public final class WebComponent implements Api.Environment {

    static final String PATTERN = "/*";
    static final String NAME = "victor-web";

    private final WorkflowCompilerRegistry registry;
    private final BundleContext context;
    private final MemoryCheckpointStore ownStore = new MemoryCheckpointStore();
    private final ServiceRegistration<Servlet> registration;
    private volatile Settings settings;
    private WebServlet.State state;
    private Runs runs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CheckpointStore checkpointStore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(victor.whiteboard=true)")
    private volatile NodeServices nodeServices;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Logger logger;

    @Activate
    public WebComponent(@Reference(name = "registry") WorkflowCompilerRegistry registry, BundleContext context,
                        WebConfig config, Map<String, Object> configuration,
                        @Reference(name = "configurationLogger", service = LoggerFactory.class,
                                cardinality = ReferenceCardinality.OPTIONAL) Logger configurationLogger) {
        warnUnknownKeys(configuration, configurationLogger);
        this.registry = registry;
        this.context = context;
        this.settings = settings(config);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", PATTERN);
        properties.put("osgi.http.whiteboard.servlet.name", NAME);
        this.registration = context.registerService(Servlet.class, new WebServlet(this::state, this::log), properties);
    }

    private static void warnUnknownKeys(Map<String, Object> configuration, Logger log) {
        ConfigurationKeys.warn(configuration, ConfigurationKeys.of(WebConfig.class), WebConfig.PID, log);
    }

    @Modified
    void modified(WebConfig config, Map<String, Object> configuration) {
        warnUnknownKeys(configuration, logger);
        Settings changed = settings(config);
        synchronized (this) {
            settings = changed;
            // rebuilt at the next request; the run limits (max.running.runs, remembered.runs,
            // max.events.per.run) stay as they were when the first request came
            state = null;
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // unregistered with the bundle already
        }
        synchronized (this) {
            if (runs != null) {
                runs.close();
            }
        }
    }

    private Settings settings(WebConfig config) {
        String home = context.getProperty("victor.home");
        return Settings.of(config, Path.of(home == null ? "" : home));
    }

    private synchronized WebServlet.State state() {
        if (state == null) {
            Settings current = settings;
            if (runs == null) {
                runs = new Runs(current, this::log);
            }
            state = new WebServlet.State(current,
                    new AccessGuard(current, new RateLimiter(current.requestsPerMinute(), System::nanoTime)),
                    new Api(registry, this, current, runs, new Json(), Clock.systemUTC()),
                    new Semaphore(current.maxEventStreams()));
        }
        return state;
    }

    private void log(Throwable e) {
        Logger log = logger;
        if (log != null) {
            log.error("web API: " + e, e);
        }
    }

    // ---------------------------------------------------------------- Api.Environment

    @Override
    public CheckpointStore store() {
        CheckpointStore store = checkpointStore;
        return store != null ? store : ownStore;
    }

    @Override
    public boolean durableStore() {
        return checkpointStore != null;
    }

    @Override
    public NodeServices installed() {
        NodeServices services = nodeServices;
        return services != null ? services : NodeServices.none();
    }

    /**
     * The compiler plugins, sources and formats installed as services, with the schemes each
     * publishes (a format: its name, which it adds to every source's schemes as {@code name+}).
     */
    @Override
    public List<Map<String, Object>> plugins() {
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (Class<?> type : List.of(WorkflowCompilerPlugin.class, WorkflowSource.class, WorkflowFormat.class)) {
            try {
                ServiceReference<?>[] references = context.getServiceReferences(type.getName(), null);
                for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                    Map<String, Object> plugin = new LinkedHashMap<>();
                    Object scheme = reference.getProperty(type == WorkflowFormat.class ? "format" : "scheme");
                    plugin.put("schemes", scheme instanceof String[] many ? List.of(many)
                            : scheme instanceof Collection<?> list ? List.copyOf(list) : scheme == null ? List.of() : List.of(scheme));
                    Object component = reference.getProperty("component.name");
                    plugin.put("plugin", component != null ? component : reference.getProperty("plugin.name"));
                    plugin.put("bundle", reference.getBundle() == null ? null
                            : reference.getBundle().getSymbolicName() + " " + reference.getBundle().getVersion());
                    Object ranking = reference.getProperty("service.ranking");
                    plugin.put("ranking", ranking instanceof Integer number ? number : 0);
                    plugins.add(plugin);
                }
            } catch (InvalidSyntaxException | IllegalStateException e) {
                // no filter is given; a stopping bundle lists nothing
            }
        }
        plugins.sort((a, b) -> String.valueOf(a.get("schemes")).compareTo(String.valueOf(b.get("schemes"))));
        return plugins;
    }
}
