package dev.victor.workflow.registry.internal.core;

import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.registry.DisabledSchemeException;
import dev.victor.workflow.registry.SchemeResolver;
import dev.victor.workflow.registry.WorkflowUri;

import java.util.List;

/**
 * Which scheme of a plugin table compiles a URI ({@link SchemeResolver}: explicit, compound,
 * extension, default scheme). A scheme whose every plugin is disabled by configuration is reported
 * as disabled ({@link DisabledSchemeException}), not as unknown. Immutable.
 */
final class UriResolution {

    private final SchemeResolver resolver;

    UriResolution(String defaultScheme) {
        this.resolver = new SchemeResolver(defaultScheme, SchemeResolver.DEFAULT_EXTENSIONS);
    }

    SchemeResolver.Resolution resolve(String uri, PluginTable table) {
        try {
            return resolver.resolve(WorkflowUri.parse(uri), table.schemes());
        } catch (UnknownSchemeException e) {
            List<PluginEntry> disabled = table.entriesOf(e.scheme());
            if (!disabled.isEmpty()) {
                throw new DisabledSchemeException(e.scheme(), table.schemes(),
                        disabled.stream().map(entry -> entry.name).toList());
            }
            throw e;
        }
    }
}
