package org.arflow.dispute;

import java.util.List;
import java.util.Locale;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispute reason codes, reference data that analysts extend. A new code goes to billing until a rule in
 * {@code rules/dispute-routing.drl} routes it elsewhere.
 */
@RestController
class DisputeReasonController {

    private final JdbcClient jdbc;

    DisputeReasonController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DisputeReason(String code, String description) {
    }

    @GetMapping("/api/dispute-reasons")
    List<DisputeReason> list() {
        return jdbc.sql("select code, description from dispute_reason order by code")
                .query((row, rowNumber) -> new DisputeReason(row.getString(1), row.getString(2))).list();
    }

    @PostMapping("/api/dispute-reasons")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    DisputeReason add(@RequestBody DisputeReason reason) {
        String code = reason.code() == null ? null : reason.code().trim().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw RejectedException.invalid(Violation.of("code", reason.code(),
                    "expected 2 to 40 letters, digits or underscores, starting with a letter, such as WARRANTY"));
        }
        if (reason.description() == null || reason.description().isBlank() || reason.description().length() > 200) {
            throw RejectedException.invalid(Violation.of("description", reason.description(),
                    "is required, at most 200 characters"));
        }
        boolean exists = jdbc.sql("select count(*) from dispute_reason where code = ?").param(code)
                .query(Long.class).single() > 0;
        if (exists) {
            throw RejectedException.conflict("dispute-reason-exists", "The reason code " + code + " exists already");
        }
        jdbc.sql("insert into dispute_reason (code, description) values (?, ?)")
                .params(code, reason.description().trim()).update();
        return new DisputeReason(code, reason.description().trim());
    }
}
