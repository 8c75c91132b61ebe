package org.arflow.error;

/**
 * One reason a request was rejected: the field, the value as received, and what is expected instead.
 *
 * @param line the line of an uploaded file the value came from, or {@code null} for a JSON request
 */
public record Violation(Integer line, String field, String value, String reason) {

    public static Violation of(String field, Object value, String reason) {
        return new Violation(null, field, value == null ? null : String.valueOf(value), reason);
    }

    public Violation atLine(int fileLine) {
        return new Violation(fileLine, field, value, reason);
    }

    /** Formats the violation as one sentence for a problem's {@code detail}. */
    public String describe() {
        String where = line == null ? "" : "line " + line + ": ";
        String shown = value == null ? "missing" : "'" + value + "'";
        return where + field + " " + shown + ": " + reason;
    }
}
