package dev.victor.workflow.s3;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

/**
 * Lists the objects under a prefix. The s3 source's service publishes this interface next to
 * {@link dev.victor.workflow.source.WorkflowSource}, so that a caller holding the source can ask
 * {@code source instanceof S3Listing}.
 */
@ProviderType
public interface S3Listing {

    /**
     * The locations ({@code bucket/key}, ready for {@code s3://}) of the objects under a prefix, in
     * key order, within the source's listing limit. Keys that end with {@code /} (folder markers)
     * are left out.
     *
     * @param location {@code bucket/prefix/}, {@code bucket/} or {@code bucket}
     * @throws dev.victor.workflow.api.WorkflowSourceNotFoundException    when the bucket does not exist
     * @throws dev.victor.workflow.api.WorkflowSourceUnavailableException when it cannot be listed now
     * @throws dev.victor.workflow.api.WorkflowException                  when the location is refused, access is
     *                                                                     denied or there are more objects than the limit
     */
    List<String> list(String location);
}
