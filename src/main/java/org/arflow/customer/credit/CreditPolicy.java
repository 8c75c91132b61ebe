package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arflow.customer.Countries;
import org.arflow.customer.Customer;
import org.arflow.customer.CustomerDetails;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.invoice.discount.PaymentTerms;
import org.arflow.money.Money;
import org.arflow.rules.DecisionTrace;
import org.arflow.rules.Evaluation;
import org.arflow.rules.RuleEngine;
import org.arflow.rules.RuleEvaluationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assesses credit applications with the credit-policy rules and keeps each customer's credit profile. The
 * rules grant the risk class, limit and terms; this class checks the application, stores the profile and
 * records the decision. A later assessment changes the profile for new invoices only.
 */
@Service
public class CreditPolicy {

    public static final String RULE_FILE = "credit-policy.drl";
    static final String RULE_SET = "credit-policy";
    static final String APPLICATION_DECISION = "credit-application";

    private static final Logger log = LoggerFactory.getLogger(CreditPolicy.class);
    private static final int MAX_YEARS_TRADING = 500;
    private static final String PREFIX = "creditApplication.";

    private final RuleEngine rules;
    private final DecisionTrace trace;
    private final CreditProfileRepository profiles;
    private final List<CreditScoreSource> scoreSources;
    private final Clock clock;

    CreditPolicy(RuleEngine rules, DecisionTrace trace, CreditProfileRepository profiles,
            List<CreditScoreSource> scoreSources, Clock clock) {
        this.rules = rules;
        this.trace = trace;
        this.profiles = profiles;
        this.scoreSources = List.copyOf(scoreSources);
        this.clock = clock;
    }

    /**
     * Checks the credit application and payment terms of a registration, for a customer that passed its own
     * checks, and returns the application as the rules read it.
     *
     * @throws RejectedException listing every invalid field
     */
    public CreditApplication checkApplication(CustomerDetails details, Customer candidate) {
        List<Violation> violations = new ArrayList<>();
        CreditApplicationRequest request = details.creditApplication() == null
                ? new CreditApplicationRequest(null, null, null, null) : details.creditApplication();
        String country = checkCountry(request.country(), candidate.country(), violations);
        checkLimit(request.requestedLimit(), candidate, violations);
        checkRange("yearsTrading", request.yearsTrading(), MAX_YEARS_TRADING, violations);
        checkRange("externalScore", request.externalScore(), 100, violations);
        String terms = null;
        if (details.paymentTerms() != null) {
            PaymentTerms parsed = PaymentTerms.parse(details.paymentTerms(), "paymentTerms", violations);
            terms = parsed == null ? null : parsed.code();
        }
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        int yearsTrading = request.yearsTrading() == null ? 0 : request.yearsTrading();
        return new CreditApplication(country, request.requestedLimit(), candidate.currency().getCurrencyCode(),
                yearsTrading, request.externalScore(), terms);
    }

    /** Assesses a new customer's application and stores the granted profile with its decision. */
    public CreditProfile assign(Customer customer, CreditApplication application) {
        Assessment assessment = assess(customer, application);
        CreditProfile profile = profileOf(customer, application, assessment);
        profiles.insert(profile, OffsetDateTime.now(clock));
        log.info("Credit granted: customerId={} riskClass={} creditLimit={} paymentTerms={} decisionId={}",
                customer.id(), profile.riskClass(), profile.creditLimit(), profile.paymentTerms(),
                assessment.decisionId());
        return profile;
    }

    /**
     * Assesses the customer again on the stored application and today's scores, so that a changed policy
     * reaches existing customers. Invoices already issued keep the terms they were issued on.
     */
    public CreditProfile reassess(Customer customer) {
        CreditProfile current = profile(customer);
        Assessment assessment = assess(customer, current.application());
        profiles.updateGrant(customer.id(), assessment.terms().getRiskClass(), assessment.terms().getCreditLimit(),
                assessment.terms().getPaymentTerms(), assessment.terms().getReasonCode(), assessment.decisionId(),
                OffsetDateTime.now(clock));
        log.info("Credit reassessed: customerId={} riskClass={} creditLimit={} paymentTerms={} decisionId={}",
                customer.id(), assessment.terms().getRiskClass(), assessment.terms().getCreditLimit(),
                assessment.terms().getPaymentTerms(), assessment.decisionId());
        return profiles.find(customer.id()).orElseThrow();
    }

    /**
     * Returns the customer's profile. A customer registered before credit profiles existed is assessed now,
     * on an application of its country with nothing requested.
     */
    public CreditProfile profile(Customer customer) {
        Optional<CreditProfile> stored = profiles.find(customer.id());
        if (stored.isPresent()) {
            return stored.get();
        }
        CreditApplication application = new CreditApplication(customer.country(), null,
                customer.currency().getCurrencyCode(), 0, null, null);
        return assign(customer, application);
    }

    public Optional<CreditProfile> findProfile(long customerId) {
        return profiles.find(customerId);
    }

    private record Assessment(CreditTerms terms, long decisionId) {
    }

    private Assessment assess(Customer customer, CreditApplication application) {
        List<CreditScore> scores = scores(customer, application);
        CreditTerms terms = new CreditTerms();
        List<Object> facts = new ArrayList<>();
        facts.add(application);
        facts.addAll(scores);
        facts.add(terms);
        Evaluation evaluation = rules.evaluate(facts);
        if (!terms.isGranted()) {
            throw new RuleEvaluationException(null, "No rule of " + RULE_FILE + " granted credit terms to customer "
                    + customer.externalId() + " (rules fired: " + evaluation.firedRules() + "); every risk class "
                    + "needs a rule that grants a limit and terms", null);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("CreditApplication", application);
        inputs.put("CreditScore", scores);
        long decisionId = trace.record(new DecisionTrace.Entry(RULE_SET, APPLICATION_DECISION, evaluation,
                customer.id(), null, terms.getRiskClass(), terms.getReasonCode(), inputs, terms));
        return new Assessment(terms, decisionId);
    }

    private List<CreditScore> scores(Customer customer, CreditApplication application) {
        List<CreditScore> scores = new ArrayList<>();
        if (application.externalScore() != null) {
            scores.add(new CreditScore("application", application.externalScore()));
        }
        for (CreditScoreSource source : scoreSources) {
            source.score(customer, application).ifPresent(scores::add);
        }
        return scores;
    }

    private static CreditProfile profileOf(Customer customer, CreditApplication application, Assessment assessment) {
        CreditTerms terms = assessment.terms();
        BigDecimal limit = Money.rounded(terms.getCreditLimit(), customer.currency()).amount();
        return new CreditProfile(customer.id(), terms.getRiskClass(), limit, customer.currency().getCurrencyCode(),
                terms.getPaymentTerms(), terms.getReasonCode(), application, false, null, null,
                assessment.decisionId());
    }

    private static String checkCountry(String requested, String customerCountry, List<Violation> violations) {
        if (requested == null || requested.isBlank()) {
            return customerCountry;
        }
        String code = Countries.parse(requested).orElse(null);
        if (code == null) {
            violations.add(Violation.of(PREFIX + "country", requested,
                    "is not a known country; expected an ISO 3166 code such as GB or DE, or an English name"));
            return null;
        }
        return code;
    }

    private static void checkLimit(BigDecimal limit, Customer candidate, List<Violation> violations) {
        if (limit == null) {
            return;
        }
        if (limit.signum() < 0) {
            violations.add(Violation.of(PREFIX + "requestedLimit", limit.toPlainString(),
                    "must be zero or more, in " + candidate.currency().getCurrencyCode()));
        } else if (Math.max(limit.stripTrailingZeros().scale(), 0) > Money.minorUnit(candidate.currency())) {
            violations.add(Violation.of(PREFIX + "requestedLimit", limit.toPlainString(), "has more decimals than "
                    + candidate.currency().getCurrencyCode() + " allows (" + Money.minorUnit(candidate.currency())
                    + ")"));
        }
    }

    private static void checkRange(String field, Integer value, int maximum, List<Violation> violations) {
        if (value != null && (value < 0 || value > maximum)) {
            violations.add(Violation.of(PREFIX + field, value, "must be from 0 to " + maximum));
        }
    }
}
