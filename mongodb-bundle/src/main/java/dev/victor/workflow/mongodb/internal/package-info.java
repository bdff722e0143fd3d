/** The mongodb source's implementation: private to the bundle, which exports nothing. */
package dev.victor.workflow.mongodb.internal;
