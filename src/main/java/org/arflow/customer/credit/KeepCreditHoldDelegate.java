package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.arflow.invoice.InvoiceService;
import org.springframework.stereotype.Component;

/** The {@code keepCreditHold} step: keeps the customer on hold, placing the hold after a referral. */
@Component("keepCreditHold")
class KeepCreditHoldDelegate extends ResolveCreditReviewDelegate {

    KeepCreditHoldDelegate(CreditHolds holds, CustomerService customers, InvoiceService invoices) {
        super(holds, customers, invoices, CreditHolds.Resolution.KEEP_HOLD);
    }
}
