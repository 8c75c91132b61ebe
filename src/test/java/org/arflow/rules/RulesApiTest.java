package org.arflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/rules}: validate, reload, and a lowered threshold that changes the next decision. */
class RulesApiTest extends RulesIntegrationTest {

    private static final String CLASS_C_LIMIT = "limitUpTo(new BigDecimal(\"5000\"))";

    @Autowired
    MockMvc mvc;
    @Autowired
    RuleEngine engine;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void restore() {
        restoreRules();
        engine.reload();
    }

    @Test
    void rulesShowVersionInForce() throws Exception {
        mvc.perform(get("/api/rules").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version.contentHash", startsWith("sha256:")))
                .andExpect(jsonPath("$.version.files[0]").value("country-risk.csv"))
                .andExpect(jsonPath("$.contents.dataTables.country-risk").isNumber());
    }

    @Test
    void validateReportsFileAndLine() throws Exception {
        String broken = policy().replace("CreditExposure(oldestDaysPastDue > 60)",
                "CreditExposure(oldestDaysPastDue > )");
        String before = engine.version().contentHash();

        mvc.perform(post("/api/rules/validate").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(files(broken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.messages[0].file").value("credit-policy.drl"))
                .andExpect(jsonPath("$.messages[0].line").value(lineOf("oldestDaysPastDue > 60")))
                .andExpect(jsonPath("$.messages[0].level").value("ERROR"));

        assertThat(engine.version().contentHash()).isEqualTo(before);
    }

    @Test
    void validateAcceptsValidChange() throws Exception {
        String lowered = policy().replace(CLASS_C_LIMIT, "limitUpTo(new BigDecimal(\"2000\"))");

        mvc.perform(post("/api/rules/validate").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(files(lowered)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.applied").value(false));
    }

    @Test
    void validateRejectsFileOutsideFolder() throws Exception {
        String body = json.writeValueAsString(Map.of("files", List.of(Map.of("name", "../x.drl", "content", ""))));

        mvc.perform(post("/api/rules/validate").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:arflow:problem:invalid-input"));
    }

    @Test
    void reloadLowersThresholdForNextCustomer() throws Exception {
        assertThat(registerClassC()).isEqualTo(5000);
        Files.writeString(policyFile(), policy().replace(CLASS_C_LIMIT, "limitUpTo(new BigDecimal(\"2000\"))"));

        mvc.perform(post("/api/rules/reload").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));

        assertThat(registerClassC()).isEqualTo(2000);
    }

    @Test
    void brokenReloadIsRejectedAndChangesNothing() throws Exception {
        String before = engine.version().contentHash();
        Files.writeString(policyFile(), policy().replace("CreditExposure(oldestDaysPastDue > 60)",
                "CreditExposure(oldestDaysPastDue > )"));
        int line = lineOf("oldestDaysPastDue > )");

        mvc.perform(post("/api/rules/reload").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:arflow:problem:invalid-rules"))
                .andExpect(jsonPath("$.detail", containsString("credit-policy.drl:" + line)))
                .andExpect(jsonPath("$.messages[0].line").value(line))
                .andExpect(jsonPath("$.inForce.contentHash").value(before));

        assertThat(engine.version().contentHash()).isEqualTo(before);
        assertThat(registerClassC()).isEqualTo(5000);
    }

    @Test
    void reassessedTermsApplyToNewInvoicesOnly() throws Exception {
        String externalId = "API-" + UUID.randomUUID();
        register(externalId);
        String issued = issueWithoutDueDate(externalId);
        Files.writeString(policyFile(), policy().replace(CLASS_C_LIMIT + ", \"net 14\"",
                "limitUpTo(new BigDecimal(\"2000\")), \"net 7\""));
        assertThat(engine.reload().applied()).isTrue();

        mvc.perform(post("/api/customers/" + externalId + "/credit/reassess").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.creditLimit").value(2000))
                .andExpect(jsonPath("$.paymentTerms").value("net 7"));
        String next = issueWithoutDueDate(externalId);

        mvc.perform(get("/api/invoices/" + issued + "/terms").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.paymentTerms").value("net 14"));
        mvc.perform(get("/api/invoices/" + issued).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.dueDate").value("2025-03-17"));
        mvc.perform(get("/api/invoices/" + next + "/terms").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.paymentTerms").value("net 7"));
        mvc.perform(get("/api/invoices/" + next).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.dueDate").value("2025-03-10"));
    }

    @Test
    void reloadNeedsCredentials() throws Exception {
        mvc.perform(post("/api/rules/reload")).andExpect(status().isUnauthorized());
    }

    @Test
    void decisionsListedByCustomer() throws Exception {
        String externalId = "API-" + UUID.randomUUID();
        register(externalId);

        mvc.perform(get("/api/decisions").param("customer", externalId).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ruleSet").value("credit-policy"))
                .andExpect(jsonPath("$[0].decisionType").value("credit-application"))
                .andExpect(jsonPath("$[0].outcome").value("C"))
                .andExpect(jsonPath("$[0].reasonCode").value("LIMITED_HISTORY"))
                .andExpect(jsonPath("$[0].ruleBaseVersion", startsWith("sha256:")))
                .andExpect(jsonPath("$[0].rulesFired", hasItem("Class C: every other applicant")))
                .andExpect(jsonPath("$[0].inputFacts.CreditApplication.yearsTrading").value(1));
    }

    @Test
    void decisionsNeedOneFilter() throws Exception {
        mvc.perform(get("/api/decisions").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    private int registerClassC() throws Exception {
        String externalId = "API-" + UUID.randomUUID();
        register(externalId);
        String body = mvc.perform(get("/api/customers/" + externalId + "/credit")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskClass").value("C"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("creditLimit").intValue();
    }

    private void register(String externalId) throws Exception {
        String customer = json.writeValueAsString(Map.of("externalId", externalId, "name", "Api " + externalId,
                "country", "GB", "currency", "GBP", "creditApplication", Map.of("yearsTrading", 1)));
        mvc.perform(post("/api/customers").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(customer))
                .andExpect(status().isCreated());
    }

    /** Issues an invoice dated 2025-03-03 on the customer's terms and returns its number. */
    private String issueWithoutDueDate(String customer) throws Exception {
        String invoiceNumber = "API-" + UUID.randomUUID().toString().substring(0, 18);
        String invoice = json.writeValueAsString(Map.of("invoiceNumber", invoiceNumber, "customer", customer,
                "issueDate", "2025-03-03", "currency", "GBP", "sendInvoice", false,
                "lines", List.of(Map.of("description", "Work", "quantity", 1, "unitPrice", 10))));
        mvc.perform(post("/api/invoices").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(invoice))
                .andExpect(status().isCreated());
        return invoiceNumber;
    }

    private String files(String policy) throws Exception {
        return json.writeValueAsString(Map.of("files", List.of(Map.of("name", "credit-policy.drl",
                "content", policy))));
    }

    private static Path policyFile() {
        return RULE_FOLDER.resolve("credit-policy.drl");
    }

    private static String policy() throws Exception {
        return Files.readString(TestRuleEngines.RULE_FOLDER.resolve("credit-policy.drl"));
    }

    private static int lineOf(String text) throws Exception {
        List<String> lines = Files.readAllLines(policyFile());
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(text)) {
                return index + 1;
            }
        }
        throw new AssertionError("credit-policy.drl has no line containing " + text);
    }
}
