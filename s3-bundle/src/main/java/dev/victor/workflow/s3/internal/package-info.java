/** The s3 source's implementation: private to the bundle. */
package dev.victor.workflow.s3.internal;
