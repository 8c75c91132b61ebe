package org.arflow.customer;

import static org.arflow.testsupport.Fixtures.customer;
import static org.arflow.testsupport.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class CustomerApiIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(rest);
    }

    @Test
    void registersCustomerWithDefaultsFromCountry() {
        String id = unique("C");
        Map<String, Object> body = customer(id, "EUR");
        body.put("country", "Germany");

        ResponseEntity<JsonNode> created = api.post("/api/customers", body);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/customers/" + id);
        assertThat(created.getBody().get("country").asText()).isEqualTo("DE");
        assertThat(created.getBody().get("locale").asText()).isEqualTo("de-DE");
        assertThat(created.getBody().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.getBody().get("openBalance").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void externalIdWithSpacesGetsEncodedLocation() {
        String id = unique("C") + " A&B";

        Map<String, Object> body = customer(id, "GBP");
        body.put("billingEmail", "accounts@customer.example");

        ResponseEntity<JsonNode> created = api.post("/api/customers", body);

        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getRawPath()).isEqualTo("/api/customers/"
                + id.replace(" ", "%20"));
    }

    @Test
    void sameBodyAgainReturnsStoredCustomer() {
        Map<String, Object> body = customer(unique("C"), "GBP");
        api.post("/api/customers", body);

        ResponseEntity<JsonNode> again = api.post("/api/customers", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("name").asText()).isEqualTo(body.get("name"));
    }

    @Test
    void differentBodyUnderSameIdIsConflict() {
        Map<String, Object> body = customer(unique("C"), "GBP");
        api.post("/api/customers", body);
        body.put("name", "Someone Else Ltd");

        ResponseEntity<JsonNode> conflict = api.post("/api/customers", body);

        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflict.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:customer-conflict");
        ResponseEntity<JsonNode> stored = api.get("/api/customers/" + body.get("externalId"));
        assertThat(stored.getBody().get("name").asText()).isNotEqualTo("Someone Else Ltd");
    }

    @Test
    void invalidFieldsAreNamedWithValueAndFix() {
        Map<String, Object> body = customer(unique("C"), "XYZ");
        body.put("country", "Atlantis");
        body.put("billingEmail", "not-an-address");
        body.put("timeZone", "Mars/Olympus");

        ResponseEntity<JsonNode> rejected = api.post("/api/customers", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejected.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode violations = rejected.getBody().get("violations");
        assertThat(violations.findValuesAsText("field"))
                .containsExactlyInAnyOrder("currency", "country", "billingEmail", "timeZone");
        assertThat(rejected.getBody().get("detail").asText()).contains("'Atlantis'", "'XYZ'", "ISO 4217");
        assertThat(api.get("/api/customers/" + body.get("externalId")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownCustomerIsNotFoundProblem() {
        ResponseEntity<JsonNode> missing = api.get("/api/customers/" + unique("NOBODY"));

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:customer-not-found");
    }

    @Test
    void malformedJsonIsBadRequestNamingField() {
        Map<String, Object> body = customer(unique("C"), "GBP");
        body.put("address", "not an object");

        ResponseEntity<JsonNode> rejected = api.post("/api/customers", body);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody().get("detail").asText()).contains("address");
    }
}
