package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@code decideInvoiceCredit} step: runs the invoice credit check and sets the outcome and the figures
 * the review form shows. Amounts are strings, so the form shows them exactly as the ledger has them.
 */
@Component("decideInvoiceCredit")
class DecideInvoiceCreditDelegate implements JavaDelegate {

    static final String OUTCOME = "creditOutcome";
    static final String REASON_CODE = "reasonCode";
    static final String DECISION_ID = "decisionId";
    static final String OPENED_AT = "reviewOpenedAt";
    static final String EXPOSURE = "exposure";
    private static final int HISTORY_ENTRIES = 5;

    private final InvoiceCreditCheck creditCheck;
    private final CreditHolds creditHolds;
    private final Clock clock;

    DecideInvoiceCreditDelegate(InvoiceCreditCheck creditCheck, CreditHolds holds, Clock clock) {
        this.creditCheck = creditCheck;
        this.creditHolds = holds;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String invoiceNumber = (String) execution.getVariable(CreditReviewProcess.INVOICE_NUMBER);
        InvoiceCreditCheck.Result result = creditCheck.check(invoiceNumber);
        execution.setVariables(variables(result, invoiceNumber));
    }

    private VariableMap variables(InvoiceCreditCheck.Result result, String invoiceNumber) {
        CreditExposure exposure = result.exposure();
        Aging aging = result.aging();
        return Variables.createVariables()
                .putValue(OUTCOME, result.outcome().name())
                .putValue(REASON_CODE, result.reasonCode())
                .putValue(DECISION_ID, result.decisionId())
                .putValue(OPENED_AT, Date.from(clock.instant()))
                .putValue("customer", result.customer().externalId())
                .putValue("customerName", result.customer().name())
                .putValue("riskClass", result.profile().riskClass())
                .putValue("currency", result.profile().currency())
                .putValue("creditLimit", plain(result.profile().creditLimit()))
                .putValue("invoiceAmount", plain(exposure.invoiceAmount()))
                .putValue("openBalance", plain(exposure.openBalance()))
                .putValue(EXPOSURE, plain(exposure.exposure()))
                .putValue("overdueBalance", plain(exposure.overdueBalance()))
                .putValue("oldestDaysPastDue", exposure.oldestDaysPastDue())
                .putValue("brokenPromises", exposure.brokenPromises())
                .putValue("agingCurrent", plain(aging.current()))
                .putValue("aging1To30", plain(aging.days1To30()))
                .putValue("aging31To60", plain(aging.days31To60()))
                .putValue("aging61To90", plain(aging.days61To90()))
                .putValue("agingOver90", plain(aging.over90()))
                .putValue("creditHistory", history(result.customer().id()))
                .putValue("decisionsUrl", "/api/decisions?invoice=" + invoiceNumber)
                .putValue("customerDecisionsUrl", "/api/decisions?customer=" + result.customer().externalId());
    }

    private String history(long customerId) {
        List<CreditReview> reviews = creditHolds.reviews(customerId, HISTORY_ENTRIES);
        if (reviews.isEmpty()) {
            return "No earlier credit reviews.";
        }
        return reviews.stream()
                .map(review -> review.resolvedAt().toLocalDate() + " " + review.invoiceNumber() + ": "
                        + review.outcome() + " " + review.reasonCode() + ", resolved " + review.resolution()
                        + (review.resolvedBy() == null ? "" : " by " + review.resolvedBy()))
                .collect(Collectors.joining("\n"));
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0).toPlainString()
                : amount.stripTrailingZeros().toPlainString();
    }
}
