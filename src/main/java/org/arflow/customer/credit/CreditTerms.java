package org.arflow.customer.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.arflow.error.Violation;
import org.arflow.invoice.discount.PaymentTerms;

/**
 * The output of a credit application: the risk class, limit and payment terms the rules granted. Mutable,
 * because rules fill it in; a second grant in one evaluation is an error, so two rules cannot silently
 * disagree.
 */
public final class CreditTerms {

    private String riskClass;
    private BigDecimal creditLimit;
    private String paymentTerms;
    private String reasonCode;

    /**
     * Records the grant. Invalid terms or a negative limit throw, so the rule that wrote them is named in the
     * failure instead of storing a profile no invoice can use.
     */
    public void grant(String riskClass, BigDecimal creditLimit, String paymentTerms, String reasonCode) {
        if (this.riskClass != null) {
            throw new IllegalStateException("credit terms were already granted as class " + this.riskClass
                    + "; only one rule may grant terms");
        }
        if (creditLimit == null || creditLimit.signum() < 0) {
            throw new IllegalArgumentException("the credit limit " + creditLimit + " must be zero or more");
        }
        List<Violation> violations = new ArrayList<>();
        PaymentTerms terms = PaymentTerms.parse(paymentTerms, "paymentTerms", violations);
        if (terms == null) {
            throw new IllegalArgumentException(violations.stream().map(Violation::describe)
                    .collect(Collectors.joining("; ")));
        }
        this.riskClass = riskClass;
        this.creditLimit = creditLimit;
        this.paymentTerms = terms.code();
        this.reasonCode = reasonCode;
    }

    public boolean isGranted() {
        return riskClass != null;
    }

    public String getRiskClass() {
        return riskClass;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public String getReasonCode() {
        return reasonCode;
    }
}
