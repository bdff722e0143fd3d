package dev.victor.workflow.db;

import java.time.Instant;

/**
 * A workflow row, without its text.
 *
 * @param datasource the datasource's name
 * @param name       the workflow's name in the table (what follows {@code db://})
 * @param version    1 for a new row, one more on every update
 * @param format     {@code yaml} or {@code json}
 * @param updatedAt  when it was last stored (microsecond precision)
 */
public record StoredWorkflow(String datasource, String name, long version, String format, Instant updatedAt) {
}
