package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerService;
import org.arflow.error.RejectedException;
import org.arflow.money.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's credit profile: risk class, limit, terms, credit hold and the reviews of credit managers. */
@RestController
@RequestMapping("/api/customers/{externalId}/credit")
class CreditController {

    private static final int REVIEWS_SHOWN = 20;

    private final CustomerService customers;
    private final CreditPolicy creditPolicy;
    private final CreditHolds creditHolds;

    CreditController(CustomerService customers, CreditPolicy creditPolicy, CreditHolds holds) {
        this.customers = customers;
        this.creditPolicy = creditPolicy;
        this.creditHolds = holds;
    }

    /**
     * A credit profile as the API returns it.
     *
     * @param decisionId the rule decision behind the limit and terms, at {@code /api/decisions/{id}}
     */
    record CreditView(String customer, String riskClass, BigDecimal creditLimit, String currency,
            String paymentTerms, String reasonCode, boolean onHold, String holdReason, OffsetDateTime heldSince,
            Long decisionId, List<CreditReview> reviews) {
    }

    @GetMapping
    CreditView get(@PathVariable String externalId) {
        Customer customer = customer(externalId);
        return view(customer, creditPolicy.profile(customer));
    }

    /** Assesses the customer again with the rules in force; issued invoices keep their terms. */
    @PostMapping("/reassess")
    CreditView reassess(@PathVariable String externalId) {
        Customer customer = customer(externalId);
        return view(customer, creditPolicy.reassess(customer));
    }

    private Customer customer(String externalId) {
        return customers.findByExternalId(externalId).orElseThrow(() -> RejectedException.notFound(
                "customer-not-found", "No customer has the external id '" + externalId + "'"));
    }

    private CreditView view(Customer customer, CreditProfile profile) {
        BigDecimal limit = Money.exact(profile.creditLimit(), customer.currency()).amount();
        return new CreditView(customer.externalId(), profile.riskClass(), limit, profile.currency(),
                profile.paymentTerms(), profile.reasonCode(), profile.onHold(), profile.holdReason(),
                profile.heldSince(), profile.decisionId(), creditHolds.reviews(customer.id(), REVIEWS_SHOWN).stream()
                        .map(review -> scaled(review, customer))
                        .toList());
    }

    private static CreditReview scaled(CreditReview review, Customer customer) {
        if (review.newCreditLimit() == null) {
            return review;
        }
        return new CreditReview(review.customerId(), review.invoiceNumber(), review.outcome(), review.reasonCode(),
                review.decisionId(), review.processInstanceId(), review.openedAt(), review.resolution(),
                Money.exact(review.newCreditLimit(), customer.currency()).amount(), review.resolvedBy(),
                review.comment(), review.resolvedAt());
    }
}
