package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.springframework.stereotype.Component;

/** The {@code releaseCreditHold} step: releases the hold for this invoice; the limit stays as it is. */
@Component("releaseCreditHold")
class ReleaseCreditHoldDelegate extends ResolveCreditReviewDelegate {

    ReleaseCreditHoldDelegate(CreditHolds holds, CustomerService customers) {
        super(holds, customers, CreditHolds.Resolution.RELEASE_ONCE);
    }
}
