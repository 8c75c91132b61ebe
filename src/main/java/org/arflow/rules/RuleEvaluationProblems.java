package org.arflow.rules;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps a rule evaluation that failed during an API call, such as registering a customer, to a 500 problem
 * naming the rule, so the caller learns that nothing was decided and the analyst learns which rule to fix.
 */
@RestControllerAdvice(basePackages = "org.arflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleEvaluationProblems {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluationProblems.class);

    @ExceptionHandler(RuleEvaluationException.class)
    ProblemDetail handle(RuleEvaluationException failed) {
        log.error("Rule evaluation failed: rule={}", failed.ruleName(), failed);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                failed.getMessage() + "; nothing was decided or stored, so fix the rule, reload and retry");
        problem.setType(URI.create("urn:arflow:problem:rule-evaluation-failed"));
        problem.setTitle("Rule evaluation failed");
        problem.setProperty("rule", failed.ruleName());
        return problem;
    }
}
