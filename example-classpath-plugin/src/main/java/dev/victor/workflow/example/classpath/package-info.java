/**
 * The example {@code classpath} workflow source. Nothing here is exported: a source is a service,
 * not a library.
 */
package dev.victor.workflow.example.classpath;
