package org.arflow.rules;

import java.util.List;

/**
 * The outcome of validating or reloading a rule set.
 *
 * @param valid whether the files compiled and passed the checks on sample facts
 * @param applied whether this call put the rule base in force. It is false for a validation, for an invalid
 *     set, and for a reload whose files equal the rules in force
 * @param version the version the files would have, or have now that they are in force
 * @param inForce the version in force after the call
 */
public record RuleBaseReport(boolean valid, boolean applied, RuleBaseVersion version, RuleBaseVersion inForce,
        List<RuleMessage> messages) {
}
