package org.arflow.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every rejection of the ARflow API to an RFC 9457 problem detail with a stable {@code type}. */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:arflow:problem:";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @ExceptionHandler(RejectedException.class)
    ProblemDetail handleRejected(RejectedException rejected) {
        log.info("Request rejected: problem={} detail={}", rejected.problem(), rejected.getMessage());
        return problem(rejected.status(), rejected.problem(), rejected.getMessage(), rejected.violations());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "a valid value" : mismatch.getRequiredType()
                .getSimpleName();
        Violation violation = Violation.of(mismatch.getName(), mismatch.getValue(), "expected " + expected);
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", violation.describe(), List.of(violation));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = invalid.getFieldErrors().stream()
                .map(error -> Violation.of(error.getField(), error.getRejectedValue(), error.getDefaultMessage()))
                .toList();
        String detail = violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", detail, violations);
        return ResponseEntity.unprocessableEntity().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-request", describeUnreadable(unreadable),
                List.of());
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The upload exceeds the maximum size of " + tooLarge.getMaxUploadSize()
                + " bytes; split the file or raise spring.servlet.multipart.max-file-size";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", detail, List.of()));
    }

    private static String describeUnreadable(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof InvalidFormatException invalidFormat) {
            return "Field " + fieldPath(invalidFormat) + " has the invalid value '" + invalidFormat.getValue()
                    + "': expected " + invalidFormat.getTargetType().getSimpleName();
        }
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field " + fieldPath(mapping) + " could not be read: " + mapping.getOriginalMessage();
        }
        return "The request body is not valid JSON: send a JSON object as the API documentation describes";
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static ProblemDetail problem(HttpStatusCode status, String problem, String detail, List<Violation> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_PREFIX + problem));
        body.setTitle(titleOf(problem));
        if (!violations.isEmpty()) {
            body.setProperty("violations", violations);
        }
        return body;
    }

    private static String titleOf(String problem) {
        String words = problem.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
