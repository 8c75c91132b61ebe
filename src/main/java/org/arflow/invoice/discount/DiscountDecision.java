package org.arflow.invoice.discount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The output of the early-payment discount rules: the offered tiers, or the reason none is offered. A
 * withheld discount wins over any offer, whatever order the rules fire in.
 */
public final class DiscountDecision {

    public static final String OFFER = "OFFER";
    public static final String NONE = "NONE";

    private final List<Offer> offers = new ArrayList<>();
    private String offerReason;
    private String withheldReason;

    /** One offered tier: the rate in percent and the last day a payment earns it. */
    public record Offer(BigDecimal ratePercent, LocalDate lastDay) {
    }

    public void offer(BigDecimal ratePercent, LocalDate lastDay, String reason) {
        if (ratePercent == null || ratePercent.signum() <= 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the discount rate " + ratePercent + " % is outside 0 to 100 %");
        }
        offers.add(new Offer(ratePercent, lastDay));
        offerReason = offerReason == null ? reason : offerReason;
    }

    public void withhold(String reason) {
        withheldReason = withheldReason == null ? reason : withheldReason;
    }

    public String getOutcome() {
        return withheldReason == null && !offers.isEmpty() ? OFFER : NONE;
    }

    /** Returns the reason code; {@code null} when no rule fired at all. */
    public String getReasonCode() {
        return withheldReason != null ? withheldReason : offerReason;
    }

    /** Returns the offered tiers by last day, or none when the discount is withheld. */
    public List<Offer> getOffers() {
        if (withheldReason != null) {
            return List.of();
        }
        return offers.stream().sorted(Comparator.comparing(Offer::lastDay)).toList();
    }
}
