/**
 * The http and https workflow source: the source itself ({@link
 * dev.victor.workflow.http.internal.HttpSource}, usable off OSGi), its fetcher, network policy
 * and options, and the Declarative Services components. Not exported.
 */
package dev.victor.workflow.http.internal;
