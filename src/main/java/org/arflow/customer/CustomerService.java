package org.arflow.customer;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.arflow.clock.CompanyProperties;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditPolicy;
import org.arflow.error.RejectedException;
import org.arflow.error.Violation;
import org.arflow.idempotency.ContentHash;
import org.arflow.money.Currencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers customers, idempotently on their external id, and finds them for the other features. */
@Service
public class CustomerService {

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    /** External ids appear in URLs, so characters with a meaning there are excluded. */
    private static final Pattern URL_UNSAFE = Pattern.compile("[/\\\\?#%]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_EXTERNAL_ID = 100;
    private static final int MAX_NAME = 200;

    private final CustomerRepository customers;
    private final CompanyProperties company;
    private final Clock clock;
    private final CreditPolicy creditPolicy;

    CustomerService(CustomerRepository customers, CompanyProperties company, Clock clock, CreditPolicy creditPolicy) {
        this.customers = customers;
        this.company = company;
        this.clock = clock;
        this.creditPolicy = creditPolicy;
    }

    /** The outcome of a registration: the stored customer and whether this call created it. */
    public record Registration(Customer customer, boolean created) {
    }

    /**
     * Registers a customer and has the credit policy grant its credit limit and terms. The same details again
     * return the stored customer. Other details under an existing external id are a conflict, so that a
     * retried request never changes what is stored.
     */
    @Transactional
    public Registration register(CustomerDetails details) {
        Customer candidate = validate(details);
        CreditApplication application = creditPolicy.checkApplication(details, candidate);
        Optional<Customer> existing = customers.findByExternalId(candidate.externalId());
        if (existing.isPresent()) {
            return new Registration(requireSame(existing.get(), candidate), false);
        }
        Customer stored = customers.insert(candidate, OffsetDateTime.now(clock));
        log.info("Customer registered: customerId={} externalId={}", stored.id(), stored.externalId());
        creditPolicy.assign(stored, application);
        return new Registration(stored, true);
    }

    /**
     * Returns the customer an imported contact belongs to: the one with the same name, or a new customer.
     * A name shared by several customers is rejected rather than guessed.
     */
    @Transactional
    public Customer matchOrRegisterContact(CustomerDetails contact) {
        String name = contact.name() == null ? "" : contact.name().trim();
        List<Customer> sameName = customers.findByNameIgnoringCase(name);
        if (sameName.size() > 1) {
            List<String> ids = sameName.stream().map(Customer::externalId).toList();
            throw RejectedException.invalid(Violation.of("name", name, "matches " + sameName.size()
                    + " customers " + ids + ", so the invoice cannot be assigned; import it in the ARflow layout "
                    + "with the customer_id"));
        }
        if (!sameName.isEmpty()) {
            return sameName.get(0);
        }
        return register(contact).customer();
    }

    /** Checks a contact without storing it and returns every violation, for import reports. */
    public List<Violation> check(CustomerDetails details) {
        List<Violation> violations = new ArrayList<>();
        collect(details, violations);
        return violations;
    }

    public Optional<Customer> findByExternalId(String externalId) {
        return customers.findByExternalId(externalId);
    }

    public Optional<Customer> findById(long id) {
        return customers.findById(id);
    }

    public Customer requireByExternalId(String externalId, String field) {
        return customers.findByExternalId(externalId).orElseThrow(() -> RejectedException.invalid(
                Violation.of(field, externalId, "no customer has this external id; register it with "
                        + "POST /api/customers first")));
    }

    List<Customer> page(int page, int size) {
        return customers.findPage(page, size);
    }

    long count() {
        return customers.count();
    }

    private Customer requireSame(Customer stored, Customer candidate) {
        if (!stored.contentHash().equals(candidate.contentHash())) {
            throw RejectedException.conflict("customer-conflict", "Customer '" + stored.externalId()
                    + "' already exists with other details; send the stored details again to retry, "
                    + "or use another external id");
        }
        return stored;
    }

    private Customer validate(CustomerDetails details) {
        List<Violation> violations = new ArrayList<>();
        Customer candidate = collect(details, violations);
        if (!violations.isEmpty()) {
            throw RejectedException.invalid(violations);
        }
        return candidate;
    }

    private Customer collect(CustomerDetails details, List<Violation> violations) {
        String externalId = trimToNull(details.externalId());
        if (externalId == null || externalId.length() > MAX_EXTERNAL_ID) {
            violations.add(Violation.of("externalId", details.externalId(),
                    "is required, at most " + MAX_EXTERNAL_ID + " characters"));
        } else if (URL_UNSAFE.matcher(externalId).find() || CONTROL.matcher(externalId).find()) {
            violations.add(Violation.of("externalId", externalId,
                    "may not contain / \\ ? # % or control characters, because it is part of the customer's URL"));
        }

        String name = trimToNull(details.name());
        if (name == null || name.length() > MAX_NAME) {
            violations.add(Violation.of("name", details.name(), "is required, at most " + MAX_NAME + " characters"));
        } else if (CONTROL.matcher(name).find()) {
            violations.add(Violation.of("name", name, "may not contain line breaks or other control characters"));
        }

        checkAddress(details.address(), violations);
        String email = trimToNull(details.billingEmail());
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 320)) {
            violations.add(Violation.of("billingEmail", email, "is not an e-mail address like ap@example.com"));
        }

        String country = Countries.parse(details.country()).orElse(null);
        if (country == null) {
            violations.add(Violation.of("country", details.country(),
                    "expected an ISO 3166 country code such as GB, or an English country name"));
        }
        Currency currency = Currencies.parse(trimToNull(details.currency())).orElse(null);
        if (currency == null) {
            violations.add(Violation.of("currency", details.currency(), "expected an ISO 4217 code such as EUR"));
        }

        Locale locale = parseLocale(details.locale(), country, violations);
        ZoneId timeZone = parseTimeZone(details.timeZone(), country, violations);
        if (!violations.isEmpty()) {
            return null;
        }

        Address address = details.address() == null ? Address.NONE : trimmed(details.address());
        String hash = ContentHash.of(externalId, name, email, address.line1(), address.line2(), address.city(),
                address.region(), address.postalCode(), country, locale.toLanguageTag(), timeZone.getId(),
                currency.getCurrencyCode());
        if (details.paymentTerms() != null || details.creditApplication() != null) {
            // Appended only when given, so that customers registered without them keep their hash.
            hash = ContentHash.of(hash, details.paymentTerms(), details.creditApplication());
        }
        return new Customer(0, externalId, name, email, address, country, locale, timeZone, currency, hash);
    }

    private static void checkAddress(Address address, List<Violation> violations) {
        if (address == null) {
            return;
        }
        checkLength("address.line1", address.line1(), 200, violations);
        checkLength("address.line2", address.line2(), 200, violations);
        checkLength("address.city", address.city(), 100, violations);
        checkLength("address.region", address.region(), 100, violations);
        checkLength("address.postalCode", address.postalCode(), 20, violations);
    }

    private static void checkLength(String field, String value, int max, List<Violation> violations) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            violations.add(Violation.of(field, value, "is longer than " + max + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            violations.add(Violation.of(field, value, "may not contain line breaks or other control characters"));
        }
    }

    private Locale parseLocale(String tag, String country, List<Violation> violations) {
        String trimmed = trimToNull(tag);
        if (trimmed == null) {
            return country == null ? Locale.ENGLISH : Countries.defaultLocale(country);
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(trimmed).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale;
        } catch (IllformedLocaleException illFormed) {
            violations.add(Violation.of("locale", tag, "expected a BCP 47 language tag such as en-GB or de-DE"));
            return null;
        }
    }

    private ZoneId parseTimeZone(String zone, String country, List<Violation> violations) {
        String trimmed = trimToNull(zone);
        if (trimmed == null) {
            return country == null ? company.timeZone() : Countries.defaultTimeZone(country).orElse(company.timeZone());
        }
        try {
            return ZoneId.of(trimmed);
        } catch (DateTimeException unknownZone) {
            violations.add(Violation.of("timeZone", zone, "expected an IANA time zone such as Europe/Berlin"));
            return null;
        }
    }

    private static Address trimmed(Address address) {
        return new Address(trimToNull(address.line1()), trimToNull(address.line2()), trimToNull(address.city()),
                trimToNull(address.region()), trimToNull(address.postalCode()));
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
