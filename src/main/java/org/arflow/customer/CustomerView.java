package org.arflow.customer;

import java.math.BigDecimal;
import java.util.List;
import org.arflow.ledger.AccountBalance;
import org.arflow.money.Money;

/**
 * A customer as the API returns it.
 *
 * @param openBalance the open balance in the customer's default currency
 * @param balances the open, overdue and unapplied figures in every currency the customer has business in
 */
record CustomerView(
        String externalId,
        String name,
        String billingEmail,
        Address address,
        String country,
        String locale,
        String timeZone,
        String currency,
        BigDecimal openBalance,
        List<AccountBalance> balances) {

    static CustomerView of(Customer customer, BigDecimal openBalance, List<AccountBalance> balances) {
        List<AccountBalance> scaled = balances.stream().map(CustomerView::scaled).toList();
        return new CustomerView(customer.externalId(), customer.name(), customer.billingEmail(), customer.address(),
                customer.country(), customer.locale().toLanguageTag(), customer.timeZone().getId(),
                customer.currency().getCurrencyCode(), Money.exact(openBalance, customer.currency()).amount(), scaled);
    }

    private static AccountBalance scaled(AccountBalance balance) {
        var currency = java.util.Currency.getInstance(balance.currency());
        return new AccountBalance(balance.currency(), Money.exact(balance.openBalance(), currency).amount(),
                Money.exact(balance.overdueBalance(), currency).amount(),
                Money.exact(balance.unappliedCredit(), currency).amount());
    }
}
