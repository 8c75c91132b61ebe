package org.arflow.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the file and line of each rule by its name, because the compiled Drools rule keeps its file but not
 * its line, and messages about a failing rule should point an analyst at it.
 */
final class RuleLocations {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** The place a rule is declared. */
    record Location(String file, int line) {
    }

    private final Map<String, Location> byName;

    private RuleLocations(Map<String, Location> byName) {
        this.byName = byName;
    }

    static RuleLocations of(List<RuleFile> files) {
        Map<String, Location> byName = new HashMap<>();
        for (RuleFile file : files) {
            if (!file.isRuleFile()) {
                continue;
            }
            String[] lines = file.content().split("\n", -1);
            for (int index = 0; index < lines.length; index++) {
                Matcher header = RULE_HEADER.matcher(lines[index]);
                if (header.find()) {
                    String name = header.group(1) != null ? header.group(1)
                            : header.group(2) != null ? header.group(2) : header.group(3);
                    byName.putIfAbsent(name, new Location(file.name(), index + 1));
                }
            }
        }
        return new RuleLocations(Map.copyOf(byName));
    }

    Location find(String ruleName) {
        return byName.getOrDefault(ruleName, new Location(null, 0));
    }

    /** Formats a rule for messages: {@code 'Exposure over the limit' (credit-policy.drl:42)}. */
    String describe(String ruleName) {
        Location location = find(ruleName);
        String where = location.file() == null ? "" : " (" + location.file() + ":" + location.line() + ")";
        return "'" + ruleName + "'" + where;
    }
}
