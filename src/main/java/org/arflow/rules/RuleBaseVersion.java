package org.arflow.rules;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The identity of a compiled rule base.
 *
 * @param contentHash {@code sha256:} and the hex SHA-256 of the file names and contents, in name order
 * @param loadedAt when this rule base was compiled and put in force
 * @param files the files it was compiled from
 */
public record RuleBaseVersion(String contentHash, OffsetDateTime loadedAt, List<String> files) {
}
