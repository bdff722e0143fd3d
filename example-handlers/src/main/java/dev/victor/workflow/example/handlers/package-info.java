/**
 * Example compute handlers, published on the whiteboard as {@code ComputeHandler} services with a
 * {@code name} property. Not exported: nothing else needs these classes, only the services.
 */
package dev.victor.workflow.example.handlers;
