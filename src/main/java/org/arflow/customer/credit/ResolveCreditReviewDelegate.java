package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.invoice.InvoiceService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Applies a credit manager's decision from the {@code reviewCreditHold} form, with one bean per resolution so
 * that the model names each step. The delegates run in the transaction that completes the task, so an invalid
 * input such as a limit that is not higher rejects the completion and the task stays open.
 */
abstract class ResolveCreditReviewDelegate implements JavaDelegate {

    static final String NEW_CREDIT_LIMIT = "newCreditLimit";
    static final String COMMENT = "reviewComment";
    static final String REVIEWED_BY = "reviewedBy";

    private final CreditHolds creditHolds;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CreditHolds.Resolution resolution;

    ResolveCreditReviewDelegate(CreditHolds holds, CustomerService customers, InvoiceService invoices,
            CreditHolds.Resolution resolution) {
        this.creditHolds = holds;
        this.customers = customers;
        this.invoices = invoices;
        this.resolution = resolution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The invoice and its customer come from the business key, because the credit manager completing the
        // task could overwrite the customerId and invoiceNumber variables.
        String invoiceNumber = execution.getProcessBusinessKey();
        long customerId = invoices.findByNumber(invoiceNumber).orElseThrow().customerId();
        Customer customer = customers.findById(customerId).orElseThrow();
        CreditHolds.OpenReview review = new CreditHolds.OpenReview(invoiceNumber,
                (String) execution.getVariable(DecideInvoiceCreditDelegate.OUTCOME),
                (String) execution.getVariable(DecideInvoiceCreditDelegate.REASON_CODE),
                ((Number) execution.getVariable(DecideInvoiceCreditDelegate.DECISION_ID)).longValue(),
                execution.getProcessInstanceId(),
                openedAt(execution.getVariable(DecideInvoiceCreditDelegate.OPENED_AT)));
        creditHolds.resolve(customer, review, new CreditHolds.ReviewDecision(resolution,
                limit(execution.getVariable(NEW_CREDIT_LIMIT)), reviewer(execution),
                (String) execution.getVariable(COMMENT)));
    }

    private static BigDecimal limit(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** Returns the task's assignee, else the user completing it, else {@code null} for an API call without one. */
    private static String reviewer(DelegateExecution execution) {
        Object assignee = execution.getVariable(REVIEWED_BY);
        if (assignee != null) {
            return assignee.toString();
        }
        Authentication current = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    private static OffsetDateTime openedAt(Object value) {
        return value instanceof Date date ? date.toInstant().atOffset(ZoneOffset.UTC) : null;
    }
}
