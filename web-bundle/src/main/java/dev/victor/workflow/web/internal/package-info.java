/** The servlet, its routes, the run book-keeping and the security checks of the web bundle. */
package dev.victor.workflow.web.internal;
