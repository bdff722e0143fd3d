package dev.victor.workflow.web.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which workflow URIs the API accepts: only the operator's schemes ({@code allowed.schemes}); a
 * local path (a URI without a scheme, or one of the {@code file.schemes}) only inside the
 * {@code file.directories}, after resolving {@code ..} and symbolic links. A relative path is
 * taken from {@code file.base}. The URI handed to the registry names the file by its absolute
 * path, so a later resume finds it whatever the working directory.
 */
final class SourcePolicy {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    static final int MAX_URI_LENGTH = 2048;

    private final Settings settings;
    private final List<Path> directories;

    SourcePolicy(Settings settings) {
        this.settings = settings;
        List<Path> real = new ArrayList<>();
        for (Path directory : settings.fileDirectories()) {
            real.add(realOrNormal(directory));
        }
        this.directories = List.copyOf(real);
    }

    /**
     * The URI to compile for one given by a request.
     *
     * @throws ApiException 400 for a malformed URI, 403 for one the operator does not allow
     */
    String check(String uri) {
        if (uri == null || uri.isBlank()) {
            throw ApiException.badRequest("'uri' is required: the workflow's URI, such as examples/linear.yaml");
        }
        if (uri.length() > MAX_URI_LENGTH) {
            throw ApiException.badRequest("'uri' is longer than " + MAX_URI_LENGTH + " characters");
        }
        for (int i = 0; i < uri.length(); i++) {
            if (Character.isISOControl(uri.charAt(i))) {
                throw ApiException.badRequest("'uri' holds a control character (a line break?): give a URI, not a document");
            }
        }
        String text = uri.strip();
        int marker = text.indexOf("://");
        String scheme = null;
        String source = text;
        if (marker > 0 && SCHEME.matcher(text.substring(0, marker)).matches()) {
            scheme = text.substring(0, marker).toLowerCase(Locale.ROOT);
            source = text.substring(marker + 3);
        }
        if (scheme != null && !settings.allowedSchemes().contains(scheme)) {
            throw ApiException.forbidden("The scheme '" + scheme + "' of '" + uri + "' is not allowed here (allowed.schemes: "
                    + String.join(", ", settings.allowedSchemes().stream().sorted().toList()) + ")");
        }
        if (scheme != null && !settings.fileSchemes().contains(scheme)) {
            return text;
        }
        return (scheme == null ? "" : scheme + "://") + confined(uri, source);
    }

    private String confined(String uri, String source) {
        if (directories.isEmpty()) {
            throw ApiException.forbidden("'" + uri + "' names a local file, and this server reads none"
                    + " (file.directories is empty)");
        }
        Path path;
        try {
            path = realOrNormal(settings.fileBase().resolve(source));
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("'" + uri + "' is not a valid path: " + e.getReason());
        }
        for (Path directory : directories) {
            if (path.startsWith(directory)) {
                return path.toString();
            }
        }
        throw ApiException.forbidden("'" + uri + "' is outside the directories this server may read (file.directories)");
    }

    /**
     * The path with every symbolic link resolved: the real path of its deepest existing ancestor,
     * followed by the rest (a file that does not exist yet cannot slip out through a linked parent).
     */
    private static Path realOrNormal(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
