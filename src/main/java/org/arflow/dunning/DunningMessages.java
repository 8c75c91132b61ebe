package org.arflow.dunning;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.Customer;
import org.arflow.notification.MessageTemplates;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The values the dunning templates are filled with: the customer, the company, and the table of every overdue
 * invoice still chased with its remaining balance, fees and interest, formatted in the customer's locale.
 */
@Component
class DunningMessages implements InitializingBean {

    /** The placeholders every dunning template may use. */
    static final List<String> PLACEHOLDERS = List.of("customerName", "companyName", "invoiceTable", "totalDue",
            "paymentInstructions", "caseReference", "letterDate", "customerAddress");

    /** The languages every dunning template must exist in. */
    static final List<String> LANGUAGES = List.of("en", "de", "fr");

    private final CompanyProperties company;
    private final MessageTemplates templates;
    private final Clock clock;

    DunningMessages(CompanyProperties company, MessageTemplates templates, Clock clock) {
        this.company = company;
        this.templates = templates;
        this.clock = clock;
    }

    /** Checks every dunning template at start-up, so that a missing placeholder stops the start, not a letter. */
    @Override
    public void afterPropertiesSet() {
        for (DunningStep step : DunningStep.values()) {
            if (step.template() != null) {
                templates.validate(step.template(), LANGUAGES, PLACEHOLDERS);
            }
        }
    }

    Map<String, String> values(CollectionCase kase, Customer customer, List<OverdueItem> items, boolean html) {
        Locale locale = templates.formattingLocale(DunningStep.REMINDER.template(), customer.locale());
        NumberFormat money = money(locale, Currency.getInstance(kase.currency()));
        BigDecimal total = items.stream().map(OverdueItem::chased).filter(chased -> chased.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        Map<String, String> values = new HashMap<>();
        values.put("customerName", html ? escape(customer.name()) : customer.name());
        values.put("companyName", html ? escape(company.name()) : company.name());
        values.put("invoiceTable", invoiceTable(items, locale, money, html));
        values.put("totalDue", money.format(total));
        values.put("paymentInstructions", html ? escape(company.paymentInstructions())
                : company.paymentInstructions());
        values.put("caseReference", kase.businessKey());
        values.put("letterDate", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(LocalDate.now(clock)));
        String address = address(customer, html);
        values.put("customerAddress", address);
        return values;
    }

    /** Lists each invoice still chased: number, due date, amount, fees and interest, and what remains. */
    private static String invoiceTable(List<OverdueItem> items, Locale locale, NumberFormat money, boolean html) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        StringBuilder table = new StringBuilder();
        for (OverdueItem item : items) {
            if (item.chased().signum() <= 0) {
                continue;
            }
            String number = item.invoiceNumber();
            String due = date.format(item.dueDate());
            String principal = money.format(item.chased().subtract(item.charges()).max(BigDecimal.ZERO));
            String charges = money.format(item.charges());
            String remaining = money.format(item.chased());
            if (html) {
                table.append("<tr><td>").append(escape(number)).append("</td><td>").append(due).append("</td><td>")
                        .append(principal).append("</td><td>").append(charges).append("</td><td>").append(remaining)
                        .append("</td></tr>");
            } else {
                table.append(String.format(locale, "%-20s %12s %14s %14s %14s%n", number, due, principal, charges,
                        remaining));
            }
        }
        return table.toString().stripTrailing();
    }

    private static String address(Customer customer, boolean html) {
        String lineBreak = html ? "<br/>" : "\n";
        StringBuilder address = new StringBuilder(html ? escape(customer.name()) : customer.name());
        var parts = customer.address();
        for (String line : new String[] {parts.line1(), parts.line2(),
                join(parts.postalCode(), parts.city()), parts.region(), customer.country()}) {
            if (line != null && !line.isBlank()) {
                address.append(lineBreak).append(html ? escape(line) : line);
            }
        }
        return address.toString();
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " " + second;
    }

    static NumberFormat money(Locale locale, Currency currency) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(currency);
        money.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        money.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        return money;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
