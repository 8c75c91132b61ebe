package org.arflow.error;

/**
 * One reason a request was rejected: the field, the value as received, and what is expected instead.
 *
 * @param line the line of an uploaded file the value came from, or {@code null} for a JSON request
 */
public record Violation(Integer line, String field, String value, String reason) {

    /** Values longer than this are cut when echoed back, so that a rejection never repeats a huge input. */
    private static final int MAX_ECHOED = 200;

    public static Violation of(String field, Object value, String reason) {
        return new Violation(null, field, value == null ? null : echoed(String.valueOf(value)), reason);
    }

    private static String echoed(String value) {
        return value.length() <= MAX_ECHOED ? value : value.substring(0, MAX_ECHOED) + "... (" + value.length()
                + " characters)";
    }

    public Violation atLine(int fileLine) {
        return new Violation(fileLine, field, value, reason);
    }

    /** Formats the violation as one sentence for a problem's {@code detail}. */
    public String describe() {
        String where = line == null ? "" : "line " + line + ": ";
        String shown = value == null ? "" : " '" + value + "'";
        return where + field + shown + ": " + reason;
    }
}
