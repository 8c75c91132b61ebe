package org.arflow.clock;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company that issues the invoices: its name, the time zone that decides what "today" is, and what
 * outgoing messages state about it.
 *
 * @param country the ISO 3166 code given to imported customers whose address names no country
 * @param currency the ISO 4217 code of imported invoice lines that leave the currency blank
 * @param paymentInstructions how customers pay, printed on every invoice e-mail (bank account, reference)
 * @param senderEmail the From address of outgoing e-mail
 */
@ConfigurationProperties("arflow.company")
public record CompanyProperties(
        @DefaultValue("ARflow Demo Ltd") String name,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue("GB") String country,
        @DefaultValue("GBP") String currency,
        @DefaultValue("Pay by bank transfer and quote the invoice number as the reference.")
        String paymentInstructions,
        @DefaultValue("accounts@arflow.invalid") String senderEmail) {
}
