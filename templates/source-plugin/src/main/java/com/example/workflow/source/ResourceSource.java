package com.example.workflow.source;

import dev.victor.workflow.api.Scheme;
import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceNotFoundException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;
import org.osgi.service.component.annotations.Component;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code resource://NAME} is the workflow {@code workflows/NAME} packaged in this bundle
 * ({@code resource://hello.yaml}). The registry picks the format from the extension and compiles
 * it; this class only reads bytes.
 */
@Component(service = WorkflowSource.class)
@Scheme("resource")
public final class ResourceSource implements WorkflowSource {
    private static final int MAX_BYTES = 1 << 20;

    @Override
    public SourceDocument read(String name) {
        if (!accepts(name)) {
            throw new WorkflowException("Not a packaged workflow name: '" + name + "'");
        }
        String uri = "resource://" + name;
        try (InputStream in = ResourceSource.class.getResourceAsStream("/workflows/" + name)) {
            if (in == null) {
                throw new WorkflowSourceNotFoundException(uri, "No workflow " + name + " is packaged here");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new WorkflowException(uri + " is larger than " + MAX_BYTES + " bytes");
            }
            // packaged content is not trusted: no $env, no $ref
            return SourceDocument.fetched(uri, bytes, null, sha256(bytes));
        } catch (IOException e) {
            throw new WorkflowSourceUnavailableException(uri, "Cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean accepts(String name) {
        return name != null && name.matches("[A-Za-z0-9_-]+\\.(yaml|yml|json)");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
