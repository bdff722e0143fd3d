package dev.victor.workflow.mongodb.internal;

import java.time.Instant;

/**
 * One workflow document: {@code {name, version, format, definition, updated}}.
 *
 * @param id         the document's {@code _id}, as text
 * @param definition the text, or {@code null} when only the summary was read
 */
public record StoredWorkflow(String id, String name, long version, String format, String definition, Instant updated) {

    /** What the registry's cache keys on: the version, and the document's id (a deleted and re-created name starts over at 1). */
    public String fingerprint() {
        return "version:" + version + ";id:" + id;
    }
}
