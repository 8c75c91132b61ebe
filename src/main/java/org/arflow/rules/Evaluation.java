package org.arflow.rules;

import java.util.List;

/**
 * The rule base version one evaluation ran on and the rules that fired, in firing order. The decision itself
 * is in the output facts the caller passed in.
 */
public record Evaluation(RuleBaseVersion version, List<String> firedRules) {
}
