/**
 * The web front of the workflow runtime: a REST API under {@code /api} (schemes, validate, graph,
 * runs with their live events, cancel, the inbox of runs waiting for a person, resume, health,
 * the OpenAPI document) and a page at {@code /}, served through the OSGi HTTP Whiteboard. The
 * implementation is in {@code internal}; this package exports nothing.
 */
package dev.victor.workflow.web;
