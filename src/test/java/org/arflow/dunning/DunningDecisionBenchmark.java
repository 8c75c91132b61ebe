package org.arflow.dunning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.arflow.invoice.imports.InvoiceImporter;
import org.arflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times one dunning decision per collection case on embedded PostgreSQL: the case is locked, its overdue
 * invoices, steps and promises read, the dunning-policy rules run and the decision stored in the trace.
 * Run it with {@code ./mvnw -Pbenchmark verify}; the normal build leaves it out.
 */
@IntegrationTest
class DunningDecisionBenchmark {

    private static final int CASES = Integer.getInteger("arflow.benchmark.cases", 1000);
    private static final int INVOICES_PER_CUSTOMER = 3;

    @Autowired
    InvoiceImporter importer;

    @Autowired
    CollectionCaseService cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void measureDecisions() {
        String run = "K" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        importOverdueAccounts(run);
        List<Long> caseIds = jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id "
                        + "where c.external_id like ? order by k.id")
                .param(run + "-%").query(Long.class).list();
        caseIds.stream().limit(100).forEach(cases::decide);

        long start = System.nanoTime();
        for (long caseId : caseIds) {
            cases.decide(caseId);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%nDunning decisions: %d cases with %d overdue invoices each%n",
                caseIds.size(), INVOICES_PER_CUSTOMER);
        System.out.printf(Locale.ROOT, "%.0f decisions/s, %.2f ms per decision; 100,000 cases would take %.1f "
                + "minutes on one thread%n", caseIds.size() / seconds, seconds * 1000 / caseIds.size(),
                100_000 * seconds / caseIds.size() / 60);
    }

    /** Imports past-due invoices, which open one collection case per customer at once. */
    private void importOverdueAccounts(String run) {
        StringBuilder csv = new StringBuilder("invoice_number,customer_id,customer_name,customer_email,"
                + "customer_country,issue_date,due_date,currency,description,quantity,unit_price\n");
        LocalDate today = LocalDate.now(clock);
        for (int customer = 0; customer < CASES; customer++) {
            for (int invoice = 0; invoice < INVOICES_PER_CUSTOMER; invoice++) {
                String id = run + "-" + customer;
                csv.append(id).append("-I").append(invoice).append(',').append(id).append(',').append(id)
                        .append(" Ltd,ap@").append(id.toLowerCase(Locale.ROOT)).append(".example,GB,")
                        .append(today.minusDays(60)).append(',').append(today.minusDays(20 + invoice))
                        .append(",GBP,Services,1,250.00\n");
            }
        }
        importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), false);
    }
}
