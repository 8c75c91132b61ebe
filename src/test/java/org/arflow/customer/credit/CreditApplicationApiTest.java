package org.arflow.customer.credit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.arflow.rules.RulesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Customer registration with a credit application and payment terms, valid and invalid. */
class CreditApplicationApiTest extends RulesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void newCustomerGetsLimitAndTerms() throws Exception {
        String externalId = "APP-" + UUID.randomUUID();
        register(externalId, "2/10 net 30", Map.of("requestedLimit", 30000, "yearsTrading", 7, "externalScore", 88))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/customers/" + externalId + "/credit").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskClass").value("A"))
                .andExpect(jsonPath("$.creditLimit").value(30000))
                .andExpect(jsonPath("$.paymentTerms").value("2/10 net 30"))
                .andExpect(jsonPath("$.reasonCode").value("STRONG_PROFILE"))
                .andExpect(jsonPath("$.onHold").value(false))
                .andExpect(jsonPath("$.decisionId").isNumber());
    }

    @Test
    void sameRegistrationAgainIsIdempotent() throws Exception {
        String externalId = "APP-" + UUID.randomUUID();
        Map<String, Object> application = Map.of("requestedLimit", 1000);
        register(externalId, null, application).andExpect(status().isCreated());

        register(externalId, null, application).andExpect(status().isOk());
        register(externalId, null, Map.of("requestedLimit", 2000)).andExpect(status().isConflict());
    }

    @Test
    void negativeLimitIsRejected() throws Exception {
        register("APP-" + UUID.randomUUID(), null, Map.of("requestedLimit", -1))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:arflow:problem:invalid-input"))
                .andExpect(jsonPath("$.violations[0].field").value("creditApplication.requestedLimit"))
                .andExpect(jsonPath("$.violations[0].value").value("-1"));
    }

    @Test
    void unknownCountryIsRejected() throws Exception {
        register("APP-" + UUID.randomUUID(), null, Map.of("country", "QQ"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].field").value("creditApplication.country"))
                .andExpect(jsonPath("$.violations[0].value").value("QQ"));
    }

    @Test
    void englishCountryNameIsAccepted() throws Exception {
        register("APP-" + UUID.randomUUID(), null, Map.of("country", "Germany", "requestedLimit", 1000,
                "yearsTrading", 3))
                .andExpect(status().isCreated());
    }

    @Test
    void unknownTermCodeIsRejected() throws Exception {
        register("APP-" + UUID.randomUUID(), "net thirty", Map.of())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].field").value("paymentTerms"))
                .andExpect(jsonPath("$.violations[0].value").value("net thirty"));
    }

    @Test
    void discountAboveHundredIsRejected() throws Exception {
        register("APP-" + UUID.randomUUID(), "120/10 net 30", Map.of())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].field").value("paymentTerms"))
                .andExpect(jsonPath("$.violations[0].reason").value(org.hamcrest.Matchers.containsString("120")));
    }

    @Test
    void unknownApplicationFieldIsRejected() throws Exception {
        register("APP-" + UUID.randomUUID(), null, Map.of("limit", 5))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:arflow:problem:malformed-request"));
    }

    @Test
    void invoiceTermsAreChecked() throws Exception {
        String externalId = "APP-" + UUID.randomUUID();
        register(externalId, null, Map.of()).andExpect(status().isCreated());
        Map<String, Object> invoice = Map.of("invoiceNumber", "APP-" + UUID.randomUUID().toString().substring(0, 12),
                "customer", externalId, "issueDate", "2025-03-03", "currency", "GBP", "sendInvoice", false,
                "paymentTerms", "2/40 net 30", "lines", java.util.List.of(Map.of("description", "Work",
                        "quantity", 1, "unitPrice", 10)));

        mvc.perform(post("/api/invoices").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(invoice)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.violations[0].field").value("paymentTerms"));
    }

    private ResultActions register(String externalId, String terms, Map<String, Object> application)
            throws Exception {
        Map<String, Object> customer = new HashMap<>(Map.of("externalId", externalId, "name", "Applicant",
                "country", "GB", "currency", "GBP", "creditApplication", application));
        if (terms != null) {
            customer.put("paymentTerms", terms);
        }
        return mvc.perform(post("/api/customers").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(customer)));
    }
}
