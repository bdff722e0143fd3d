/**
 * The http and https compiler plugin: the plugin itself ({@link
 * dev.victor.workflow.http.internal.HttpCompilerPlugin}, usable off OSGi), its fetcher, network
 * policy and options, and the Declarative Services components. Not exported.
 */
package dev.victor.workflow.http.internal;
