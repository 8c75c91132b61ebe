package org.arflow.rules;

import java.util.List;

/**
 * Representative facts of one rule file, evaluated against every rule base before it is put in force. A rule
 * that throws or loops on them rejects the rule base, so an analyst learns of it at reload, not from an
 * incident.
 */
public interface RuleSetCheck {

    /** Returns the name of the rule file the facts are for, such as {@code credit-policy.drl}. */
    String ruleFile();

    /** Returns new fact sets on every call, because evaluations change their output facts. */
    List<List<Object>> sampleFacts();
}
