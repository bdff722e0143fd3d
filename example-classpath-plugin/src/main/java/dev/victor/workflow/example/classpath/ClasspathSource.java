package dev.victor.workflow.example.classpath;

import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The {@code classpath} source: {@code classpath://com.acme.flows/workflows/review.yaml} is the
 * entry {@code workflows/review.yaml} of the bundle {@code com.acme.flows} (its highest version).
 * It only reads bytes; the registry parses them with the format of the entry's extension and
 * compiles them. A packaged document is fetched content: no {@code $env}, no {@code $ref}.
 */
@Component(service = WorkflowSource.class)
@Scheme(ClasspathLocation.SCHEME)
public final class ClasspathSource implements WorkflowSource {
    /** Packaged workflows larger than this are refused. */
    static final int MAX_BYTES = 1 << 20;

    private final BundleContext context;

    @Activate
    public ClasspathSource(BundleContext context) {
        this.context = context;
    }

    @Override
    public SourceDocument read(String source) {
        ClasspathLocation location = location(source);
        Bundle bundle = bundle(location);
        String origin = bundle.getSymbolicName() + " " + bundle.getVersion();
        URL entry = bundle.getEntry(location.path());
        if (entry == null) {
            throw new WorkflowSourceNotFoundException(location.uri(), "The bundle " + origin + " has no entry " + location.path());
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new WorkflowException(location.uri() + " is larger than " + MAX_BYTES + " bytes");
            }
            // the bundle's version and its last modification: a new bundle or an update changes it
            return SourceDocument.fetched(location.uri(), bytes, null, fingerprint(bundle));
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(location.uri(), "Cannot read " + location.uri() + " from " + origin + ": " + e.getMessage(), e);
        }
    }

    /** Asks the framework only, reads nothing. */
    @Override
    public String fingerprint(String source) {
        return fingerprint(bundle(location(source)));
    }

    @Override
    public boolean accepts(String source) {
        try {
            return ClasspathLocation.parse(source) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String fingerprint(Bundle bundle) {
        return bundle.getBundleId() + "@" + bundle.getVersion() + "@" + bundle.getLastModified();
    }

    private static ClasspathLocation location(String source) {
        try {
            return ClasspathLocation.parse(source);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("Not a classpath source: " + e.getMessage());
        }
    }

    private Bundle bundle(ClasspathLocation location) {
        return Arrays.stream(context.getBundles())
                .filter(candidate -> location.bundle().equals(candidate.getSymbolicName()))
                .filter(candidate -> candidate.getState() != Bundle.UNINSTALLED)
                .max(Comparator.comparing(Bundle::getVersion))
                .orElseThrow(() -> new WorkflowSourceNotFoundException(location.uri(),
                        "No bundle named " + location.bundle() + " is installed (" + location.uri() + ")"));
    }
}
