package org.arflow.dunning.latepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * The input of a late-payment decision for one invoice.
 *
 * @param principal the open principal that interest runs on: what is left of the invoice total, less any
 *     amount under dispute
 * @param interestFrom the first day not yet charged: the day after the due date, or after the last charge
 * @param interestTo the last day to charge, inclusive
 * @param contractRate an annual rate in percent agreed in the contract, or {@code null}
 */
public final class LateChargeFacts {

    private static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES",
            "SE");

    private final String invoiceNumber;
    private final String currency;
    private final String customerCountry;
    private final boolean consumer;
    private final BigDecimal principal;
    private final LocalDate dueDate;
    private final LocalDate interestFrom;
    private final LocalDate interestTo;
    private final boolean compensationCharged;
    private final BigDecimal contractRate;

    public LateChargeFacts(String invoiceNumber, String currency, String customerCountry, boolean consumer,
            BigDecimal principal, LocalDate dueDate, LocalDate interestFrom, LocalDate interestTo,
            boolean compensationCharged, BigDecimal contractRate) {
        this.invoiceNumber = invoiceNumber;
        this.currency = currency;
        this.customerCountry = customerCountry;
        this.consumer = consumer;
        this.principal = principal;
        this.dueDate = dueDate;
        this.interestFrom = interestFrom;
        this.interestTo = interestTo;
        this.compensationCharged = compensationCharged;
        this.contractRate = contractRate;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public String getCurrency() {
        return currency;
    }

    public String getCustomerCountry() {
        return customerCountry;
    }

    public boolean isEuMember() {
        return EU_MEMBERS.contains(customerCountry);
    }

    public boolean isConsumer() {
        return consumer;
    }

    public BigDecimal getPrincipal() {
        return principal;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getInterestFrom() {
        return interestFrom;
    }

    public LocalDate getInterestTo() {
        return interestTo;
    }

    public boolean isCompensationCharged() {
        return compensationCharged;
    }

    public BigDecimal getContractRate() {
        return contractRate;
    }

    /**
     * Returns the UK act's reference date: the 30 June or 31 December before interest on the debt began to
     * run, because the rate is fixed once per debt.
     */
    public LocalDate getUkReferenceDate() {
        LocalDate firstDay = dueDate.plusDays(1);
        if (firstDay.getMonthValue() <= 6) {
            return LocalDate.of(firstDay.getYear() - 1, Month.DECEMBER, 31);
        }
        return LocalDate.of(firstDay.getYear(), Month.JUNE, 30);
    }
}
