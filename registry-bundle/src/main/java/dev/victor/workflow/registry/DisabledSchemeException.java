package dev.victor.workflow.registry;

import dev.victor.workflow.api.UnknownSchemeException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A URI's scheme is served only by plugins that configuration disabled ({@code enabled=false}).
 * It is an {@link UnknownSchemeException} (nothing compiles the scheme now), whose message says
 * that the scheme is disabled, by which plugins, and how to enable it.
 */
public class DisabledSchemeException extends UnknownSchemeException {
    private static final long serialVersionUID = 1L;
    private final List<String> plugins;

    public DisabledSchemeException(String scheme, Set<String> installed, List<String> plugins) {
        super(scheme, installed);
        this.plugins = List.copyOf(plugins);
    }

    /** The disabled plugins of the scheme. */
    public List<String> plugins() {
        return plugins;
    }

    @Override
    public String getMessage() {
        return "The workflow scheme '" + scheme() + "' is disabled: its plugin" + (plugins.size() == 1 ? " " : "s ")
                + String.join(", ", plugins) + (plugins.size() == 1 ? " is" : " are") + " configured with"
                + " enabled=false (set enabled=true in its configuration to use it). Enabled schemes: "
                + (installedSchemes().isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(installedSchemes())));
    }
}
