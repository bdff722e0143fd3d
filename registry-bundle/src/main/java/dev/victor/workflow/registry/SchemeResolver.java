package dev.victor.workflow.registry;

import dev.victor.workflow.api.UnknownSchemeException;
import dev.victor.workflow.api.WorkflowCompilers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which installed scheme compiles a URI.
 *
 * <ol>
 *   <li>An explicit scheme is looked up whole; a compound scheme ({@code json+file}) that is not
 *       installed whole falls back to its part before the first {@code +} ({@code json}).</li>
 *   <li>Without a scheme, the source's extension picks one ({@code .yaml}/{@code .yml} → yaml,
 *       {@code .json} → json, by default).</li>
 *   <li>Otherwise the default scheme (yaml by default).</li>
 * </ol>
 * A scheme that is not installed gives {@link UnknownSchemeException}, which lists the installed
 * ones. Immutable.
 */
public final class SchemeResolver {

    /** The scheme used when a URI names none and its extension does not pick one. */
    public static final String DEFAULT_SCHEME = "yaml";

    /** Extension → scheme used when a URI names no scheme. */
    public static final Map<String, String> DEFAULT_EXTENSIONS = Map.of("yaml", "yaml", "yml", "yaml", "json", "json");

    /** How a scheme was chosen. */
    public enum Rule {
        /** The URI named it and it is installed. */
        EXPLICIT,
        /** The URI named a compound scheme; its part before {@code +} is installed. */
        COMPOUND_BASE,
        /** The source's extension picked it. */
        EXTENSION,
        /** The default scheme. */
        DEFAULT
    }

    /**
     * The outcome of a resolution.
     *
     * @param scheme the installed scheme that compiles the URI
     * @param source what its plugin receives
     * @param rule   how the scheme was chosen
     */
    public record Resolution(String scheme, String source, Rule rule) {
    }

    private final String defaultScheme;
    private final Map<String, String> extensions;

    /** The documented defaults: yaml, and yaml/yml/json extensions. */
    public SchemeResolver() {
        this(DEFAULT_SCHEME, DEFAULT_EXTENSIONS);
    }

    public SchemeResolver(String defaultScheme, Map<String, String> extensions) {
        Objects.requireNonNull(defaultScheme, "defaultScheme");
        if (!WorkflowCompilers.isValidScheme(defaultScheme)) {
            throw new IllegalArgumentException("Invalid default scheme '" + defaultScheme + "'");
        }
        this.defaultScheme = defaultScheme.toLowerCase(Locale.ROOT);
        Map<String, String> copy = new LinkedHashMap<>();
        extensions.forEach((extension, scheme) ->
                copy.put(extension.toLowerCase(Locale.ROOT), scheme.toLowerCase(Locale.ROOT)));
        this.extensions = Map.copyOf(copy);
    }

    public String defaultScheme() {
        return defaultScheme;
    }

    public Map<String, String> extensions() {
        return extensions;
    }

    /** The same rules with another default scheme. */
    public SchemeResolver withDefaultScheme(String scheme) {
        return new SchemeResolver(scheme, extensions);
    }

    /**
     * Resolves a URI against the installed schemes.
     *
     * @throws InvalidWorkflowUriException when the URI's scheme is not valid
     * @throws UnknownSchemeException      when the chosen scheme is not installed
     */
    public Resolution resolve(String uri, Set<String> installed) {
        return resolve(WorkflowUri.parse(uri), installed);
    }

    /** @throws UnknownSchemeException when the chosen scheme is not installed */
    public Resolution resolve(WorkflowUri uri, Set<String> installed) {
        if (uri.hasScheme()) {
            String scheme = uri.scheme();
            if (installed.contains(scheme)) {
                return new Resolution(scheme, uri.source(), Rule.EXPLICIT);
            }
            int plus = scheme.indexOf('+');
            if (plus > 0 && installed.contains(scheme.substring(0, plus))) {
                return new Resolution(scheme.substring(0, plus), uri.source(), Rule.COMPOUND_BASE);
            }
            throw new UnknownSchemeException(scheme, installed);
        }
        String byExtension = extensions.get(uri.extension());
        if (byExtension != null) {
            if (installed.contains(byExtension)) {
                return new Resolution(byExtension, uri.source(), Rule.EXTENSION);
            }
            throw new UnknownSchemeException(byExtension, installed);
        }
        if (installed.contains(defaultScheme)) {
            return new Resolution(defaultScheme, uri.source(), Rule.DEFAULT);
        }
        throw new UnknownSchemeException(defaultScheme, installed);
    }
}
