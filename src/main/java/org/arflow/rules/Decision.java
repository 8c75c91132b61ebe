package org.arflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored rule decision, kept so that "why was this decided" can be looked up later.
 *
 * @param ruleSet the rule file that decided, such as {@code credit-policy}
 * @param decisionType what was decided, such as {@code invoice-credit-check}
 * @param ruleBaseVersion the content hash of the rule base in force
 * @param rulesFired the rules that fired, in firing order
 * @param inputFacts the facts the rules were given, by fact type
 * @param result the decision as the rules left it
 */
public record Decision(
        long id,
        String ruleSet,
        String decisionType,
        String ruleBaseVersion,
        OffsetDateTime ruleBaseLoadedAt,
        Long customerId,
        String invoiceNumber,
        String outcome,
        String reasonCode,
        List<String> rulesFired,
        JsonNode inputFacts,
        JsonNode result,
        OffsetDateTime decidedAt) {
}
