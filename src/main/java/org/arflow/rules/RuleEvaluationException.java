package org.arflow.rules;

/**
 * A rule evaluation that failed because a rule threw, looped, or the rules reached no decision. A process
 * step that gets it fails and, after its retries, becomes an incident whose message names the rule. It is
 * never taken as an approval.
 *
 * @see RuleEngine#evaluate
 */
public class RuleEvaluationException extends RuntimeException {

    private final String ruleName;

    public RuleEvaluationException(String ruleName, String message, Throwable cause) {
        super(message, cause);
        this.ruleName = ruleName;
    }

    /** Returns the rule that failed, or {@code null} when the failure is not tied to one rule. */
    public String ruleName() {
        return ruleName;
    }
}
