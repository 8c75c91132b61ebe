package org.arflow.customer;

/**
 * A customer as a caller submits it, before validation. Locale and time zone may be left out and then
 * follow from the country.
 */
public record CustomerDetails(
        String externalId,
        String name,
        String billingEmail,
        Address address,
        String country,
        String locale,
        String timeZone,
        String currency) {
}
