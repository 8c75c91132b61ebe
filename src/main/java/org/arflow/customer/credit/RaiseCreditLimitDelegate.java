package org.arflow.customer.credit;

import org.arflow.customer.CustomerService;
import org.springframework.stereotype.Component;

/** The {@code raiseCreditLimit} step: sets the limit the credit manager entered and releases the hold. */
@Component("raiseCreditLimit")
class RaiseCreditLimitDelegate extends ResolveCreditReviewDelegate {

    RaiseCreditLimitDelegate(CreditHolds holds, CustomerService customers) {
        super(holds, customers, CreditHolds.Resolution.RAISE_LIMIT);
    }
}
