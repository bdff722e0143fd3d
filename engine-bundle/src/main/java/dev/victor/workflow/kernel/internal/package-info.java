/** The kernel's OSGi component. Not exported. */
package dev.victor.workflow.kernel.internal;
