package org.arflow.rules;

/**
 * One file of a rule base: a {@code .drl} rule file or a {@code .csv} data table.
 *
 * @param name the file name relative to the rule folder, such as {@code credit-policy.drl}
 */
public record RuleFile(String name, String content) {

    public boolean isRuleFile() {
        return name.endsWith(".drl");
    }

    public boolean isDataTable() {
        return name.endsWith(".csv");
    }
}
