/**
 * The reader's and validator's helpers: tree paths, positions, value conversions, suggestions.
 * Not exported; nothing here is part of the API.
 */
package dev.victor.workflow.model.internal;
