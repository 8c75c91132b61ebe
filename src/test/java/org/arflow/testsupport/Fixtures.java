package org.arflow.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for the API, with unique keys so that tests sharing one database never collide. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> customer(String externalId, String currency) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("externalId", externalId);
        customer.put("name", "Customer " + externalId);
        customer.put("billingEmail", externalId.toLowerCase() + "@customer.example");
        customer.put("address", Map.of("line1", "1 Test Street", "city", "Leeds", "postalCode", "LS1 1AA"));
        customer.put("country", "GB");
        customer.put("currency", currency);
        return customer;
    }

    /** An invoice with one line of the given net amount and no tax. */
    public static Map<String, Object> invoice(String number, String customer, String currency, String issueDate,
            String dueDate, String amount) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoiceNumber", number);
        invoice.put("customer", customer);
        invoice.put("issueDate", issueDate);
        invoice.put("dueDate", dueDate);
        invoice.put("currency", currency);
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(new LinkedHashMap<>(Map.of("description", "Consulting", "quantity", 1, "unitPrice", amount)));
        invoice.put("lines", lines);
        return invoice;
    }

    public static Map<String, Object> payment(String customer, String amount, String currency, String receivedDate,
            String reference) {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("customer", customer);
        payment.put("amount", amount);
        payment.put("currency", currency);
        payment.put("method", "BANK_TRANSFER");
        payment.put("receivedDate", receivedDate);
        payment.put("reference", reference);
        return payment;
    }
}
