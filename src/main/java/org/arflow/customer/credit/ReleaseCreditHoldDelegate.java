package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.arflow.invoice.InvoiceService;
import org.springframework.stereotype.Component;

/** The {@code releaseCreditHold} step: releases the hold for this invoice; the limit stays as it is. */
@Component("releaseCreditHold")
class ReleaseCreditHoldDelegate extends ResolveCreditReviewDelegate {

    ReleaseCreditHoldDelegate(CreditHolds holds, CustomerService customers, InvoiceService invoices) {
        super(holds, customers, invoices, CreditHolds.Resolution.RELEASE_ONCE);
    }
}
