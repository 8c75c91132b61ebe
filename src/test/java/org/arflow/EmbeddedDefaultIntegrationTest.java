package org.arflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.arflow.notification.OutboxDispatcher;
import org.arflow.testsupport.CsvFixtures;
import org.arflow.testsupport.Fixtures;
import org.arflow.testsupport.TestApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the embedded default as the README's run command does: H2 in a file under the data folder and
 * e-mail written as .eml files, with no database or mail server installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "arflow.outbox.scheduler-enabled=false",
        "camunda.bpm.metrics.enabled=false",
        "arflow.access.admin-password=" + TestApi.ADMIN_PASSWORD})
class EmbeddedDefaultIntegrationTest {

    private static final Path DATA_DIR = temporaryFolder();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("arflow.data-dir", DATA_DIR::toString);
    }

    @Test
    void writesEmailsAsEmlFiles() throws IOException {
        String product = jdbc.sql("select h2version()").query(String.class).single();
        assertThat(product).isNotBlank();
        assertThat(Files.exists(DATA_DIR.resolve("arflow.mv.db"))).isTrue();
        String prefix = Fixtures.unique("H");
        LocalDate today = LocalDate.now(clock);
        byte[] file = CsvFixtures.load("xero-invoices.csv", prefix, today, today.plusDays(30));

        JsonNode report = new TestApi(rest).upload("/api/invoices/import", "invoices.csv", file).getBody();
        int sent = dispatcher.dispatchDue();

        assertThat(report.get("invoicesCreated")).hasSize(2);
        assertThat(sent).isEqualTo(2);
        try (Stream<Path> emails = Files.list(DATA_DIR.resolve("outbox"))) {
            assertThat(emails.filter(path -> path.toString().endsWith(".eml"))).hasSize(2);
        }
    }

    @Test
    void importsProjectSampleUsedByReadme() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("samples/xero-sales-invoices.csv"));

        JsonNode report = new TestApi(rest).upload("/api/invoices/import", "sample.csv", sample).getBody();

        assertThat(report.get("rejected")).isEmpty();
        assertThat(report.get("invoicesCreated").toString()).contains("SMP-1001", "SMP-1002", "SMP-1003");
        TestApi api = new TestApi(rest);
        assertThat(api.get("/api/invoices/SMP-1001").getBody().get("totalAmount").decimalValue())
                .isEqualByComparingTo("268.92");
        assertThat(api.get("/api/invoices/SMP-1002").getBody().get("totalAmount").decimalValue())
                .isEqualByComparingTo("540.00");
        assertThat(api.get("/api/invoices/SMP-1003").getBody().get("totalAmount").decimalValue())
                .isEqualByComparingTo("2400.00");
    }

    @Test
    void importsSampleFileFromCorpus() throws IOException {
        String corpus = System.getProperty("arflow.corpus.dir", "");
        Assumptions.assumeFalse(corpus.isBlank(), "arflow.corpus.dir is not set, so the sample file is skipped");
        Path sample = Path.of(corpus, "xero_sales_invoices_sample.csv");
        Assumptions.assumeTrue(Files.exists(sample), "no Xero sample in " + corpus);

        JsonNode report = new TestApi(rest).upload("/api/invoices/import", "sample.csv", Files.readAllBytes(sample))
                .getBody();

        assertThat(report.get("layout").asText()).isEqualTo("xero");
        assertThat(report.get("rejected")).isEmpty();
        assertThat(report.get("invoicesCreated")).hasSize(3);
        JsonNode first = new TestApi(rest).get("/api/invoices/INV-2001").getBody();
        assertThat(first.get("totalAmount").decimalValue()).isEqualByComparingTo("468.00");
        assertThat(first.get("openBalance").decimalValue()).isEqualByComparingTo("468.00");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("arflow-embedded-");
        } catch (IOException noTemp) {
            throw new UncheckedIOException(noTemp);
        }
    }
}
