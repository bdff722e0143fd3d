/**
 * The example {@code classpath} compiler plugin. Nothing here is exported: a plugin is a service,
 * not a library.
 */
package dev.victor.workflow.example.classpath;
