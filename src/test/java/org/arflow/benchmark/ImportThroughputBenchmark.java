package org.arflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.arflow.invoice.imports.ImportReport;
import org.arflow.invoice.imports.InvoiceImporter;
import org.arflow.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times invoice intake on embedded PostgreSQL three ways in one run: the ARflow import (ledger rows, process
 * start, outbox), the bare engine starting the same process, and plain JDBC writing the same ledger rows.
 * It prints invoices per second, the ratios, and the database round trips and engine rows per invoice.
 * Run it with {@code ./mvnw -Pbenchmark verify}; the normal build leaves it out.
 */
@IntegrationTest
class ImportThroughputBenchmark {

    private static final int WARM_UP = 300;
    private static final int MEASURED = Integer.getInteger("arflow.benchmark.invoices", 3000);
    private static final int CUSTOMERS = 100;

    private static final StatementCounter counter = new StatementCounter();

    @Autowired
    InvoiceImporter importer;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @TestConfiguration
    static class CountingDataSource {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? counter.wrap(dataSource) : bean;
                }
            };
        }
    }

    @Test
    void measureIntake() {
        String run = "B" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        importCsv(run + "W", WARM_UP);
        startBareInstances(run + "W", WARM_UP);
        insertPlainRows(run + "W", WARM_UP);

        Figures arflow = time(() -> importCsv(run, MEASURED));
        Figures bare = time(() -> startBareInstances(run, MEASURED));
        Figures plain = time(() -> insertPlainRows(run, MEASURED));

        System.out.printf(Locale.ROOT, "%nInvoice intake, %d invoices, one line each, %d customers%n", MEASURED,
                CUSTOMERS);
        print("ARflow import (ledger + process + outbox)", arflow);
        print("bare engine (process start only)", bare);
        print("plain JDBC (ledger rows only)", plain);
        System.out.printf(Locale.ROOT, "ratio ARflow / bare engine: %.2f%n", arflow.perSecond() / bare.perSecond());
        System.out.printf(Locale.ROOT, "ratio ARflow / plain JDBC:  %.2f%n", arflow.perSecond() / plain.perSecond());
        printEngineRows(run);
    }

    private void importCsv(String run, int invoices) {
        StringBuilder csv = new StringBuilder("invoice_number,customer_id,customer_name,customer_email,"
                + "customer_country,issue_date,due_date,currency,description,quantity,unit_price,tax_amount\n");
        LocalDate today = LocalDate.now(clock);
        for (int index = 0; index < invoices; index++) {
            String customer = run + "-C" + (index % CUSTOMERS);
            csv.append(run).append("-A").append(index).append(',').append(customer).append(',')
                    .append(customer).append(" Ltd,ap@").append(customer.toLowerCase(Locale.ROOT))
                    .append(".example,GB,").append(today).append(',').append(today.plusDays(30))
                    .append(",GBP,Services,1,").append(100 + index % 50).append(".00,20.00\n");
        }
        ImportReport report = importer.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), true);
        if (report.invoicesCreated().size() != invoices) {
            throw new IllegalStateException("benchmark import rejected rows: " + report.rejected());
        }
    }

    private void startBareInstances(String run, int invoices) {
        Date overdueAt = Date.from(clock.instant().plusSeconds(30L * 86_400));
        for (int index = 0; index < invoices; index++) {
            String key = run + "-E" + index;
            transactions.executeWithoutResult(status -> runtimeService.startProcessInstanceByKey("invoiceToCash", key,
                    Variables.createVariables().putValue("sendInvoice", false).putValue("alreadyOverdue", false)
                            .putValue("overdueAt", overdueAt)));
        }
    }

    private void insertPlainRows(String run, int invoices) {
        long customerId = jdbc.sql("select id from customer where external_id = ?").param(run + "-C0")
                .query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        for (int index = 0; index < invoices; index++) {
            String number = run + "-J" + index;
            transactions.executeWithoutResult(status -> insertInvoiceRows(number, customerId, today));
        }
    }

    private void insertInvoiceRows(String number, long customerId, LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long invoiceId = jdbc.sql("""
                insert into invoice (invoice_number, customer_id, currency, issue_date, due_date, net_amount,
                    tax_amount, total_amount, status, source, send_invoice, content_hash, created_at)
                values (?, ?, 'GBP', ?, ?, 100, 20, 120, 'ISSUED', 'BENCHMARK', false, ?, ?) returning id""")
                .params(number, customerId, today, today.plusDays(30), "0".repeat(64), now)
                .query(Long.class).single();
        jdbc.sql("""
                insert into invoice_line (invoice_id, line_number, description, quantity, unit_price, net_amount,
                    tax_amount) values (?, 1, 'Services', 1, 100, 100, 20)""").param(invoiceId).update();
        jdbc.sql("""
                insert into posting (customer_id, invoice_id, kind, amount, currency, posting_date, created_at)
                values (?, ?, 'INVOICE', 120, 'GBP', ?, ?)""").params(customerId, invoiceId, today, now).update();
    }

    private record Figures(double seconds, long executions, long commits) {

        double perSecond() {
            return MEASURED / seconds;
        }
    }

    private static Figures time(Runnable work) {
        long executionsBefore = counter.executions();
        long commitsBefore = counter.commits();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figures(seconds, counter.executions() - executionsBefore, counter.commits() - commitsBefore);
    }

    private static void print(String name, Figures figures) {
        System.out.printf(Locale.ROOT, "%-44s %8.0f invoices/s  %5.1f statements and %4.2f commits per invoice%n",
                name, figures.perSecond(), (double) figures.executions() / MEASURED,
                (double) figures.commits() / MEASURED);
    }

    private void printEngineRows(String run) {
        List<String> tables = List.of("act_ru_execution", "act_ru_variable", "act_ru_job", "act_ru_event_subscr",
                "act_hi_procinst", "act_hi_actinst");
        StringBuilder rows = new StringBuilder("engine rows per imported invoice:");
        for (String table : tables) {
            String instances = "select proc_inst_id_ from act_ru_execution where business_key_ like ?";
            String historic = "select proc_inst_id_ from act_hi_procinst where business_key_ like ?";
            String ids = table.startsWith("act_hi") ? historic : instances;
            String column = table.equals("act_ru_job") ? "process_instance_id_" : "proc_inst_id_";
            long count = jdbc.sql("select count(*) from " + table + " where " + column + " in (" + ids + ")")
                    .param(run + "-A%").query(Long.class).single();
            rows.append(String.format(Locale.ROOT, " %s %.1f", table, (double) count / MEASURED));
        }
        System.out.println(rows);
    }
}
