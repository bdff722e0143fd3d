/**
 * The standard tools, their workspace confinement and network policy, and the Declarative
 * Services component that publishes them. Not exported.
 */
package dev.victor.workflow.tools.internal;
