package org.arflow.customer.credit;

import java.math.BigDecimal;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The {@code placeCreditHold} step: puts the customer on credit hold and records {@link CreditHoldPlaced}. */
@Component("placeCreditHold")
class PlaceCreditHoldDelegate implements JavaDelegate {

    private final CreditHolds creditHolds;
    private final CustomerService customers;

    PlaceCreditHoldDelegate(CreditHolds holds, CustomerService customers) {
        this.creditHolds = holds;
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long customerId = ((Number) execution.getVariable(CreditReviewProcess.CUSTOMER_ID)).longValue();
        Customer customer = customers.findById(customerId).orElseThrow();
        creditHolds.place(customer, (String) execution.getVariable(CreditReviewProcess.INVOICE_NUMBER),
                (String) execution.getVariable(DecideInvoiceCreditDelegate.REASON_CODE),
                new BigDecimal((String) execution.getVariable(DecideInvoiceCreditDelegate.EXPOSURE)));
    }
}
