package dev.victor.workflow.example.classpath;


/**
 * Where a packaged workflow is: the source of {@code classpath://bundle.symbolic.name/path/in/bundle.yaml}
 * split into the bundle's symbolic name and the entry's path.
 *
 * @param bundle the symbolic name of the bundle that holds the workflow
 * @param path   the entry's path inside the bundle, without a leading slash
 */
public record ClasspathLocation(String bundle, String path) {

    /** The URI scheme of this plugin. */
    public static final String SCHEME = "classpath";

    /**
     * Reads the part of the URI after {@code classpath://}.
     *
     * @throws IllegalArgumentException when it does not name a bundle and a path
     */
    public static ClasspathLocation parse(String source) {
        String text = source == null ? "" : source.strip();
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("a classpath source names a bundle and a path in it, such as"
                    + " classpath://com.acme.flows/workflows/review.yaml; got '" + text + "'");
        }
        String path = text.substring(slash + 1);
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || path.endsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("'" + path + "' is not the path of a file inside a bundle");
        }
        return new ClasspathLocation(text.substring(0, slash), path);
    }

    /** The URI as a user writes it. */
    public String uri() {
        return SCHEME + "://" + bundle + "/" + path;
    }
}
