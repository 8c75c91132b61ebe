package org.arflow.rules;

/**
 * A compiler or check message about a rule base.
 *
 * @param file the rule file it is about, or {@code null} when it concerns the whole set
 * @param line the 1-based line in that file, or 0 when the compiler gives none
 * @param level ERROR, WARNING or INFO; any ERROR rejects the rule base
 */
public record RuleMessage(String file, int line, int column, String level, String text) {

    public static final String ERROR = "ERROR";

    public static RuleMessage error(String file, int line, String text) {
        return new RuleMessage(file, line, 0, ERROR, text);
    }

    public boolean isError() {
        return ERROR.equals(level);
    }

    /** Formats the message as {@code file:line: text} for logs and problem details. */
    public String describe() {
        if (file == null) {
            return text;
        }
        return line > 0 ? file + ":" + line + ": " + text : file + ": " + text;
    }
}
