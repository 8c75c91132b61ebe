package org.arflow.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private static final String COLUMNS = """
            id, external_id, name, billing_email, address_line1, address_line2, city, region, postal_code,
            country, locale, time_zone, currency, content_hash""";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from customer where external_id = ?")
                .param(externalId)
                .query(CustomerRepository::map)
                .optional();
    }

    Optional<Customer> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from customer where id = ?").param(id)
                .query(CustomerRepository::map).optional();
    }

    /** Finds customers whose name matches ignoring case, oldest first, for matching imported contacts. */
    List<Customer> findByNameIgnoringCase(String name) {
        return jdbc.sql("select " + COLUMNS + " from customer where lower(name) = lower(?) order by id")
                .param(name)
                .query(CustomerRepository::map)
                .list();
    }

    List<Customer> findPage(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from customer order by id limit ? offset ?")
                .params(size, (long) page * size)
                .query(CustomerRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from customer").query(Long.class).single();
    }

    Customer insert(Customer customer, OffsetDateTime createdAt) {
        var keys = new GeneratedKeyHolder();
        Address address = customer.address();
        jdbc.sql("""
                insert into customer (external_id, name, billing_email, address_line1, address_line2, city, region,
                    postal_code, country, locale, time_zone, currency, content_hash, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customer.externalId(), customer.name(), customer.billingEmail(), address.line1(),
                        address.line2(), address.city(), address.region(), address.postalCode(), customer.country(),
                        customer.locale().toLanguageTag(), customer.timeZone().getId(),
                        customer.currency().getCurrencyCode(), customer.contentHash(), createdAt)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Customer(id, customer.externalId(), customer.name(), customer.billingEmail(), address,
                customer.country(), customer.locale(), customer.timeZone(), customer.currency(),
                customer.contentHash());
    }

    private static Customer map(ResultSet row, int rowNumber) throws SQLException {
        return new Customer(
                row.getLong("id"),
                row.getString("external_id"),
                row.getString("name"),
                row.getString("billing_email"),
                new Address(row.getString("address_line1"), row.getString("address_line2"), row.getString("city"),
                        row.getString("region"), row.getString("postal_code")),
                row.getString("country"),
                Locale.forLanguageTag(row.getString("locale")),
                ZoneId.of(row.getString("time_zone")),
                Currency.getInstance(row.getString("currency")),
                row.getString("content_hash"));
    }
}
