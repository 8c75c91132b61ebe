package org.arflow.error;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request the application refuses for a business or input reason. It is mapped to an RFC 9457 problem
 * detail whose {@code type} is {@code urn:arflow:problem:<problem>}, so callers can branch on a stable name.
 */
public class RejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String problem;
    private final List<Violation> violations;

    private RejectedException(HttpStatus status, String problem, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.problem = problem;
        this.violations = List.copyOf(violations);
    }

    /** Rejects input that is well-formed but invalid: each violation names the field, value and expectation. */
    public static RejectedException invalid(List<Violation> violations) {
        String detail = violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
        return new RejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", detail, violations);
    }

    public static RejectedException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    /** Rejects a request that breaks a business rule, such as paying an invoice in another currency. */
    public static RejectedException unprocessable(String problem, String detail) {
        return new RejectedException(HttpStatus.UNPROCESSABLE_ENTITY, problem, detail, List.of());
    }

    /** Rejects a request that breaks a business rule on one field, under a problem name of its own. */
    public static RejectedException unprocessable(String problem, Violation violation) {
        return new RejectedException(HttpStatus.UNPROCESSABLE_ENTITY, problem, violation.describe(),
                List.of(violation));
    }

    /** Rejects a request that reuses a key (invoice number, external id) with a different body. */
    public static RejectedException conflict(String problem, String detail) {
        return new RejectedException(HttpStatus.CONFLICT, problem, detail, List.of());
    }

    public static RejectedException notFound(String problem, String detail) {
        return new RejectedException(HttpStatus.NOT_FOUND, problem, detail, List.of());
    }

    public static RejectedException unsupportedMediaType(String problem, String detail) {
        return new RejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, detail, List.of());
    }

    public static RejectedException payloadTooLarge(String problem, String detail) {
        return new RejectedException(HttpStatus.PAYLOAD_TOO_LARGE, problem, detail, List.of());
    }

    public static RejectedException badRequest(String problem, String detail) {
        return new RejectedException(HttpStatus.BAD_REQUEST, problem, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String problem() {
        return problem;
    }

    public List<Violation> violations() {
        return violations;
    }
}
