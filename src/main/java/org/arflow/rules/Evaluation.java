package org.arflow.rules;

import java.util.List;

/**
 * What one evaluation ran on and which rules fired, in firing order. The decision itself is in the output
 * facts the caller passed in.
 */
public record Evaluation(RuleBaseVersion version, List<String> firedRules) {
}
