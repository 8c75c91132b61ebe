package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.springframework.stereotype.Component;

/** The {@code keepCreditHold} step: keeps the customer on hold, placing the hold after a referral. */
@Component("keepCreditHold")
class KeepCreditHoldDelegate extends ResolveCreditReviewDelegate {

    KeepCreditHoldDelegate(CreditHolds holds, CustomerService customers) {
        super(holds, customers, CreditHolds.Resolution.KEEP_HOLD);
    }
}
