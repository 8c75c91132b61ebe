package org.arflow.customer;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * A debtor: the business or person invoices are issued to.
 *
 * @param externalId the key under which the ERP identifies the customer
 * @param locale the language and country of the messages the customer receives
 * @param timeZone the customer's time zone, which decides when messages go out
 * @param currency the customer's default invoicing currency; each invoice still carries its own
 */
public record Customer(
        long id,
        String externalId,
        String name,
        String billingEmail,
        Address address,
        String country,
        Locale locale,
        ZoneId timeZone,
        Currency currency,
        String contentHash) {
}
