package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.arflow.customer.Customer;
import org.arflow.event.DomainEvents;
import org.arflow.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Places and releases credit holds and records how credit managers resolve reviews. Each hold and release
 * is recorded as an event, which is what tells the ERP to stop or resume credit.
 */
@Service
public class CreditHolds {

    /** A credit manager's resolution of a review. */
    public enum Resolution {
        /** Raises the limit and releases the hold. */
        RAISE_LIMIT,
        /** Keeps the customer on hold, or puts it on hold after a referral. */
        KEEP_HOLD,
        /** Releases the hold for this invoice without changing the limit. */
        RELEASE_ONCE
    }

    private static final Logger log = LoggerFactory.getLogger(CreditHolds.class);

    private final CreditProfileRepository profiles;
    private final DomainEvents events;
    private final Clock clock;

    CreditHolds(CreditProfileRepository profiles, DomainEvents events, Clock clock) {
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /** Puts the customer on credit hold because of the invoice; a customer already on hold stays as it is. */
    public void place(Customer customer, String invoiceNumber, String reasonCode, BigDecimal exposure) {
        CreditProfile profile = profiles.lock(customer.id()).orElseThrow();
        if (profile.onHold()) {
            log.info("Customer already on credit hold: customerId={} invoiceNumber={}", customer.id(), invoiceNumber);
            return;
        }
        profiles.hold(customer.id(), reasonCode, OffsetDateTime.now(clock));
        events.record(customer.externalId(), new CreditHoldPlaced(customer.externalId(), customer.id(), invoiceNumber,
                reasonCode, exposure, profile.creditLimit(), profile.currency()));
        log.info("Credit hold placed: customerId={} invoiceNumber={} reasonCode={}", customer.id(), invoiceNumber,
                reasonCode);
    }

    /** A credit manager's decision on one review. */
    public record ReviewDecision(Resolution resolution, BigDecimal newCreditLimit, String reviewedBy,
            String comment) {
    }

    /** The review being resolved: the invoice and what the credit policy decided about it. */
    public record OpenReview(String invoiceNumber, String outcome, String reasonCode, Long decisionId,
            String processInstanceId, OffsetDateTime openedAt) {
    }

    /**
     * Applies a credit manager's decision and records the review.
     *
     * @throws IllegalArgumentException when a raised limit is missing or not above the current one
     */
    public void resolve(Customer customer, OpenReview review, ReviewDecision decision) {
        CreditProfile profile = profiles.lock(customer.id()).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        BigDecimal newLimit = null;
        switch (decision.resolution()) {
            case RAISE_LIMIT -> {
                newLimit = checkedLimit(decision.newCreditLimit(), customer, profile);
                profiles.updateLimit(customer.id(), newLimit, now);
                release(customer, profile, review.invoiceNumber(), decision.resolution(), newLimit, now);
            }
            case RELEASE_ONCE -> release(customer, profile, review.invoiceNumber(), decision.resolution(),
                    profile.creditLimit(), now);
            case KEEP_HOLD -> place(customer, review.invoiceNumber(), review.reasonCode(), null);
        }
        profiles.insertReview(new CreditReview(customer.id(), review.invoiceNumber(), review.outcome(),
                review.reasonCode(), review.decisionId(), review.processInstanceId(), review.openedAt(),
                decision.resolution().name(), newLimit, decision.reviewedBy(), decision.comment(), now));
        log.info("Credit review resolved: customerId={} invoiceNumber={} resolution={} reviewedBy={}", customer.id(),
                review.invoiceNumber(), decision.resolution(), decision.reviewedBy());
    }

    public List<CreditReview> reviews(long customerId, int limit) {
        return profiles.findReviews(customerId, limit);
    }

    private void release(Customer customer, CreditProfile profile, String invoiceNumber, Resolution resolution,
            BigDecimal creditLimit, OffsetDateTime now) {
        profiles.release(customer.id(), now);
        if (profile.onHold()) {
            events.record(customer.externalId(), new CreditHoldReleased(customer.externalId(), customer.id(),
                    invoiceNumber, resolution.name(), creditLimit, profile.currency()));
        }
    }

    private static BigDecimal checkedLimit(BigDecimal requested, Customer customer, CreditProfile profile) {
        if (requested == null || requested.compareTo(profile.creditLimit()) <= 0) {
            throw new IllegalArgumentException("The new credit limit " + requested + " must be above the current "
                    + "limit of " + profile.creditLimit().toPlainString() + " " + profile.currency()
                    + "; enter a higher limit, or choose to keep the hold or release it once");
        }
        return Money.rounded(requested, customer.currency()).amount();
    }
}
