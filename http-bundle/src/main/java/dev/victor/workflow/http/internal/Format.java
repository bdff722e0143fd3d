package dev.victor.workflow.http.internal;

import java.net.URI;
import java.util.Locale;

/** The format of a fetched document, and the scheme of the plugin that reads it. */
enum Format {
    YAML("yaml"),
    JSON("json");

    private final String scheme;

    Format(String scheme) {
        this.scheme = scheme;
    }

    /** The scheme under which the registry finds the plugin for this format. */
    String scheme() {
        return scheme;
    }

    /**
     * From the Content-Type ({@code application/yaml}, {@code application/x-yaml},
     * {@code text/yaml}, {@code text/x-yaml}, {@code application/*+yaml}; {@code application/json},
     * {@code application/*+json}), else from the extension of the path (of the URL the body came
     * from, then of the URL asked for: {@code .json}, {@code .yaml}, {@code .yml}), else YAML.
     */
    static Format detect(String contentType, URI finalUrl, URI requestedUrl) {
        Format byType = fromContentType(contentType);
        if (byType != null) {
            return byType;
        }
        Format byPath = fromPath(finalUrl);
        if (byPath == null && requestedUrl != null) {
            byPath = fromPath(requestedUrl);
        }
        return byPath != null ? byPath : YAML;
    }

    static Format fromContentType(String contentType) {
        String media = mediaType(contentType);
        switch (media) {
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
                return YAML;
            case "application/json":
                return JSON;
            default:
                if (media.startsWith("application/") && media.endsWith("+yaml")) {
                    return YAML;
                }
                if (media.startsWith("application/") && media.endsWith("+json")) {
                    return JSON;
                }
                return null;
        }
    }

    /** The media type without parameters, lower case; {@code ""} when there is none. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static Format fromPath(URI url) {
        String path = url == null ? null : url.getPath();
        if (path == null) {
            return null;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        return null;
    }

    @Override
    public String toString() {
        return scheme;
    }
}
