package dev.victor.workflow.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** No compiler plugin is installed for a URI's scheme. The message lists the installed ones. */
public class UnknownSchemeException extends WorkflowException {
    private static final long serialVersionUID = 1L;
    private final String scheme;
    private final transient Set<String> installed;

    public UnknownSchemeException(String scheme, Set<String> installed) {
        super("Unknown workflow scheme '" + scheme + "'. Installed schemes: "
                + (installed.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(installed))),
                List.of());
        this.scheme = scheme;
        this.installed = Set.copyOf(installed);
    }

    public String scheme() {
        return scheme;
    }

    public Set<String> installedSchemes() {
        return installed;
    }
}
