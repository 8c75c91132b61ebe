package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.arflow.invoice.InvoiceService;
import org.springframework.stereotype.Component;

/** The {@code raiseCreditLimit} step: sets the limit the credit manager entered and releases the hold. */
@Component("raiseCreditLimit")
class RaiseCreditLimitDelegate extends ResolveCreditReviewDelegate {

    RaiseCreditLimitDelegate(CreditHolds holds, CustomerService customers, InvoiceService invoices) {
        super(holds, customers, invoices, CreditHolds.Resolution.RAISE_LIMIT);
    }
}
