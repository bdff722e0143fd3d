package dev.victor.workflow.registry.file;

import dev.victor.workflow.kernel.source.SourceFiles;
import dev.victor.workflow.source.SourceDocument;
import dev.victor.workflow.source.WorkflowSource;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source of a scheme named after a format: the rest of the URI is a file (read through the
 * {@link FileSource}) or text handed in (see {@link PathOrText}).
 */
final class PathOrTextSource implements WorkflowSource {
    private final FileSource files;
    private final PathOrText rule;

    PathOrTextSource(FileSource files, PathOrText rule) {
        this.files = files;
        this.rule = rule;
    }

    @Override
    public SourceDocument read(String location) {
        PathOrText.Form form = rule.classify(location, files.options().baseDirectory());
        if (form instanceof PathOrText.PathForm path) {
            return files.readFile(files.pathOf(path.path()));
        }
        return files.text(((PathOrText.TextForm) form).text());
    }

    /** The file's attributes, or {@code text} for text (the location, part of the cache key, is the text). */
    @Override
    public String fingerprint(String location) {
        PathOrText.Classified classified = rule.classified(location, files.options().baseDirectory());
        if (classified.form() instanceof PathOrText.PathForm path) {
            Path file = files.pathOf(path.path());
            SourceFiles.confine(file, files.options().baseDirectory(), file.toString());
            return classified.attributes() != null ? FileSource.fingerprint(classified.attributes())
                    : FileSource.attributes(file, file.toString());
        }
        return "text";
    }

    /** A readable file inside the base directory within the size limit, or text. Never throws. */
    @Override
    public boolean accepts(String location) {
        try {
            PathOrText.Form form = rule.classify(location, files.options().baseDirectory());
            if (form instanceof PathOrText.PathForm path) {
                Path file = files.pathOf(path.path());
                SourceFiles.confine(file, files.options().baseDirectory(), file.toString());
                return Files.isRegularFile(file) && Files.isReadable(file)
                        && Files.size(file) <= files.options().maxDocumentBytes();
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "paths or text, " + files;
    }
}
