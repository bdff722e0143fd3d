/**
 * The s3 workflow source's public face: {@link dev.victor.workflow.s3.S3Listing}, which lists the
 * workflow documents under an {@code s3://bucket/prefix/}. The source itself is a
 * {@link dev.victor.workflow.source.WorkflowSource} service with {@code scheme=s3}.
 */
@Export
@Version("1.0.0")
package dev.victor.workflow.s3;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
