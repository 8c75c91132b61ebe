package org.arflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.arflow.testsupport.Fixtures;
import org.arflow.testsupport.EngineRest;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class AccessIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    TestApi api;

    @Autowired
    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        EngineRest.useEngine(processEngine);
        api = new TestApi(rest);
    }

    @Test
    void anonymousApiCallIsUnauthorizedProblem() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/invoices", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getBody().get("type").asText()).isEqualTo("urn:arflow:problem:unauthenticated");
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        ResponseEntity<String> response = rest.withBasicAuth("admin", "wrong").getForEntity("/api/invoices",
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onlyHealthAnswersAnonymously() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/messages", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAcceptsCamundaUsers() {
        ResponseEntity<JsonNode> definitions = rest.withBasicAuth("admin", TestApi.ADMIN_PASSWORD)
                .getForEntity("/engine-rest/process-definition?key=invoiceToCash", JsonNode.class);

        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(definitions.getBody()).isNotEmpty();
        assertThat(rest.withBasicAuth("admin", TestApi.ADMIN_PASSWORD).getForEntity("/v3/api-docs", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void workGroupsExistFromTheStart() {
        List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();

        assertThat(groups).contains("collectors", "credit-managers", "analysts", "managers", "camunda-admin");
    }

    @Test
    void collectorCannotRedeployOrMoveClock() {
        String userId = Fixtures.unique("collector").toLowerCase().replace("-", "");
        User collector = identityService.newUser(userId);
        collector.setPassword("collector-secret");
        identityService.saveUser(collector);
        identityService.createMembership(userId, "collectors");
        TestRestTemplate asCollector = rest.withBasicAuth(userId, "collector-secret");

        ResponseEntity<String> read = asCollector.getForEntity("/api/invoices", String.class);
        ResponseEntity<JsonNode> deploy = asCollector.exchange("/api/processes/deploy", HttpMethod.POST,
                HttpEntity.EMPTY, JsonNode.class);
        ResponseEntity<JsonNode> clock = asCollector.postForEntity("/api/simulation/clock",
                Map.of("date", "2099-01-01"), JsonNode.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy.getBody().get("detail").asText()).contains(userId, "/api/processes/deploy");
        assertThat(clock.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
