/**
 * The OSGi side of the registry: the Declarative Services component that tracks compiler
 * plugins, its configuration (Configuration Admin, Metatype) and per-plugin configurations.
 * Not exported.
 */
package dev.victor.workflow.registry.internal;
