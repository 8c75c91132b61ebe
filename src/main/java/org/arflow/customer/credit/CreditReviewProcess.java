package org.arflow.customer.credit;

import org.arflow.invoice.InvoiceIssued;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the credit-review process for every issued invoice, in the transaction that issues it. The model,
 * {@code processes/credit-review.bpmn}, checks credit in its first, asynchronous step, so a failing rule
 * becomes an incident of that step and never holds up or approves the invoice silently.
 */
@Component
class CreditReviewProcess {

    static final String PROCESS_KEY = "creditReview";
    static final String CUSTOMER_ID = "customerId";
    static final String INVOICE_NUMBER = "invoiceNumber";

    private static final Logger log = LoggerFactory.getLogger(CreditReviewProcess.class);

    private final RuntimeService runtimeService;

    CreditReviewProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void onInvoiceIssued(InvoiceIssued issued) {
        String id = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(issued.invoiceNumber())
                .setVariables(Variables.createVariables()
                        .putValue(CUSTOMER_ID, issued.customerId())
                        .putValue(INVOICE_NUMBER, issued.invoiceNumber()))
                .execute()
                .getId();
        log.info("Credit review started: invoiceNumber={} customerId={} processInstanceId={}",
                issued.invoiceNumber(), issued.customerId(), id);
    }
}
