package org.arflow.customer;

import org.arflow.customer.credit.CreditApplicationRequest;

/**
 * A customer as a caller submits it, before validation. Locale and time zone may be left out and then
 * follow from the country.
 *
 * @param paymentTerms the terms asked for, such as {@code 2/10 net 30}; the credit policy decides whether
 *     the customer gets them
 * @param creditApplication what the credit policy assesses; {@code null} for an application with nothing
 *     requested
 */
public record CustomerDetails(
        String externalId,
        String name,
        String billingEmail,
        Address address,
        String country,
        String locale,
        String timeZone,
        String currency,
        String paymentTerms,
        CreditApplicationRequest creditApplication) {

    /** Creates details without payment terms or a credit application, as imported contacts have them. */
    public CustomerDetails(String externalId, String name, String billingEmail, Address address, String country,
            String locale, String timeZone, String currency) {
        this(externalId, name, billingEmail, address, country, locale, timeZone, currency, null, null);
    }
}
