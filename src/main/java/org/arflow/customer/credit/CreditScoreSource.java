package org.arflow.customer.credit;

import java.util.Optional;
import org.arflow.customer.Customer;

/**
 * A source of credit scores. Every Spring bean of this type is asked on each credit assessment, and each
 * score it returns becomes a {@link CreditScore} fact; the credit policy decides how scores combine. A
 * credit bureau is added by writing one such bean.
 */
public interface CreditScoreSource {

    /** Returns the customer's score from 0 (worst) to 100 (best), or empty when this source has none. */
    Optional<CreditScore> score(Customer customer, CreditApplication application);
}
