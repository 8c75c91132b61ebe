package org.arflow.rules;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules in force, and validating and reloading the rule folder for analysts. */
@RestController
@RequestMapping("/api/rules")
class RuleController {

    private final RuleEngine engine;

    RuleController(RuleEngine engine) {
        this.engine = engine;
    }

    /** The version in force and what it contains. */
    record RulesView(RuleBaseVersion version, String folder, Map<String, Object> contents) {
    }

    /** Files to validate; each replaces the rule folder's file of the same name. */
    record ValidationRequest(List<RuleFile> files) {
    }

    @GetMapping
    RulesView get() {
        return new RulesView(engine.version(), engine.folder().toString(), engine.contents());
    }

    /** Compiles the submitted files with the rest of the folder and returns the messages; changes nothing. */
    @PostMapping("/validate")
    RuleBaseReport validate(@RequestBody ValidationRequest request) {
        List<RuleFile> files = request.files() == null ? List.of() : request.files();
        for (RuleFile file : files) {
            if (file.name() == null || file.content() == null || !(file.isRuleFile() || file.isDataTable())
                    || file.name().contains("/") || file.name().contains("\\")) {
                throw RejectedException.invalid(Violation.of("files[].name", file.name(),
                        "expected a file name ending in .drl or .csv, without a folder, and content"));
            }
        }
        return engine.validate(files);
    }

    /**
     * Compiles the rule folder and puts it in force. An invalid folder is a 422 problem listing the compiler's
     * messages, and the rules in force stay.
     */
    @PostMapping("/reload")
    ResponseEntity<Object> reload() {
        RuleBaseReport report = engine.reload();
        if (report.valid()) {
            return ResponseEntity.ok(report);
        }
        List<RuleMessage> errors = report.messages().stream().filter(RuleMessage::isError).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The rule folder is invalid, so the rules in force (" + report.inForce().contentHash()
                        + ") stay: " + errors.stream().map(RuleMessage::describe).collect(Collectors.joining("; ")));
        problem.setType(URI.create("urn:arflow:problem:invalid-rules"));
        problem.setTitle("Invalid rules");
        problem.setProperty("messages", report.messages());
        problem.setProperty("inForce", report.inForce());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
