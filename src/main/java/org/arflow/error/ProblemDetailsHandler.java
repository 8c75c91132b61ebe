package org.arflow.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
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

    private final DataSize maxUpload;

    ProblemDetailsHandler(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxUpload) {
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(RejectedException.class)
    ProblemDetail handleRejected(RejectedException rejected) {
        log.info("Request rejected: problem={} detail={}", rejected.problem(), rejected.getMessage());
        return problem(rejected.status(), rejected.problem(), rejected.getMessage(), rejected.violations());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException mismatch) {
        Violation violation = Violation.of(mismatch.getName(), mismatch.getValue(),
                "expected " + describe(mismatch.getRequiredType()));
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", violation.describe(), List.of(violation));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail handleConstraintViolation(ConstraintViolationException invalid) {
        List<Violation> violations = invalid.getConstraintViolations().stream()
                .map(violation -> Violation.of(lastNode(violation.getPropertyPath().toString()),
                        violation.getInvalidValue(), violation.getMessage()))
                .toList();
        String detail = violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", detail, violations);
    }

    /** Two requests created the same resource at the same moment; the loser may simply send it again. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail handleDataIntegrity(DataIntegrityViolationException conflict) {
        log.warn("Request conflicted with a concurrent change: {}", conflict.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "concurrent-request", "Another request stored the same resource at the "
                + "same moment; send this request again to receive the stored result", List.of());
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail handleOptimisticLocking(OptimisticLockingException conflict) {
        log.warn("Request conflicted with a concurrent process step: {}", conflict.getMessage());
        return problem(HttpStatus.CONFLICT, "concurrent-update", "A process step changed the same invoice at the "
                + "same moment; send this request again", List.of());
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
        Violation violation = unreadableField(unreadable);
        String detail = violation == null
                ? "The request body is not valid JSON: send a JSON object as the API documentation describes"
                : violation.describe();
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-request", detail,
                violation == null ? List.of() : List.of(violation));
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(uploadTooLarge(maxUpload));
    }

    /** Gives the framework's own problems (404, 405, 415 ...) a type named after their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail && (detail.getType() == null
                || "about:blank".equals(detail.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String name = known == null ? "http-" + status.value()
                    : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
            detail.setType(URI.create(TYPE_PREFIX + name));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail uploadTooLarge(DataSize maxUpload) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "The upload exceeds the maximum size of "
                + maxUpload.toMegabytes() + " MB; split the file or raise spring.servlet.multipart.max-file-size",
                List.of());
    }

    private static Violation unreadableField(HttpMessageNotReadableException unreadable) {
        if (unreadable.getCause() instanceof UnrecognizedPropertyException unknown) {
            return Violation.of(fieldPath(unknown), null, "is not a known field; known fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (unreadable.getCause() instanceof InvalidFormatException invalidFormat) {
            return Violation.of(fieldPath(invalidFormat), invalidFormat.getValue(),
                    "expected " + describe(invalidFormat.getTargetType()));
        }
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Violation.of(fieldPath(mapping), null, "could not be read; send it as the API documentation "
                    + "describes");
        }
        return null;
    }

    /** Describes an expected type in the words of the API rather than as a Java class. */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "a date as YYYY-MM-DD, such as 2026-01-31";
        }
        if (type == LocalTime.class) {
            return "a time as HH:MM, such as 09:30";
        }
        if (type == BigDecimal.class) {
            return "a decimal number such as 1200.50";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
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
