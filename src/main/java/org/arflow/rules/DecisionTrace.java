package org.arflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Stores every rule decision in the {@code rule_decision} table, in the caller's transaction, so that a
 * decision is on record exactly when what it caused was committed.
 */
@Component
public class DecisionTrace {

    private static final String COLUMNS = """
            id, rule_set, decision_type, rule_base_version, rule_base_loaded_at, customer_id, invoice_number,
            outcome, reason_code, rules_fired, input_facts, result, decided_at""";
    private static final String RULE_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DecisionTrace(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A decision to be stored; {@code inputFacts} maps a fact type to the fact and is written as JSON. */
    public record Entry(String ruleSet, String decisionType, Evaluation evaluation, Long customerId,
            String invoiceNumber, String outcome, String reasonCode, Map<String, Object> inputFacts, Object result) {
    }

    /** Stores the decision and returns its id. */
    public long record(Entry entry) {
        var keys = new GeneratedKeyHolder();
        RuleBaseVersion version = entry.evaluation().version();
        jdbc.sql("""
                insert into rule_decision (rule_set, decision_type, rule_base_version, rule_base_loaded_at,
                    customer_id, invoice_number, outcome, reason_code, rules_fired, input_facts, result, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.ruleSet(), entry.decisionType(), version.contentHash(), version.loadedAt(),
                        entry.customerId(), entry.invoiceNumber(), entry.outcome(), entry.reasonCode(),
                        String.join(RULE_SEPARATOR, entry.evaluation().firedRules()), toJson(entry.inputFacts()),
                        toJson(entry.result()), OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Decision> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rule_decision where id = ?").param(id).query(this::map)
                .optional();
    }

    /** Finds the decisions about a customer or an invoice, newest first. */
    public List<Decision> findByCustomer(long customerId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from rule_decision where customer_id = ? order by id desc "
                        + "limit ? offset ?")
                .params(customerId, size, (long) page * size).query(this::map).list();
    }

    public List<Decision> findByInvoice(String invoiceNumber, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from rule_decision where invoice_number = ? order by id desc "
                        + "limit ? offset ?")
                .params(invoiceNumber, size, (long) page * size).query(this::map).list();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unserialisable) {
            throw new IllegalArgumentException("decision value " + value + " cannot be written as JSON",
                    unserialisable);
        }
    }

    private JsonNode fromJson(String stored) {
        try {
            // Exact decimals, because amounts in the facts must read back as stored, not as doubles.
            return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(stored);
        } catch (JsonProcessingException unreadable) {
            return json.getNodeFactory().textNode(stored);
        }
    }

    private Decision map(ResultSet row, int rowNumber) throws SQLException {
        String fired = row.getString("rules_fired");
        return new Decision(
                row.getLong("id"),
                row.getString("rule_set"),
                row.getString("decision_type"),
                row.getString("rule_base_version"),
                row.getObject("rule_base_loaded_at", OffsetDateTime.class),
                row.getObject("customer_id", Long.class),
                row.getString("invoice_number"),
                row.getString("outcome"),
                row.getString("reason_code"),
                fired.isEmpty() ? List.of() : Arrays.asList(fired.split(RULE_SEPARATOR)),
                fromJson(row.getString("input_facts")),
                fromJson(row.getString("result")),
                row.getObject("decided_at", OffsetDateTime.class));
    }
}
