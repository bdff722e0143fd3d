/** The configuration of the registry's file source under OSGi. */
package dev.victor.workflow.registry.file.internal;
