/**
 * How the composition expands {@code $ref} items on a parsed tree, whatever its format, attributes
 * problems to the referenced documents, and remembers what a compile read besides its document.
 */
package dev.victor.workflow.registry.compose.internal;
