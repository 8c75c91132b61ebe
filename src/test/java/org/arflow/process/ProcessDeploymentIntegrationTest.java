package org.arflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.arflow.testsupport.IntegrationTest;
import org.arflow.testsupport.TestApi;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@IntegrationTest
class ProcessDeploymentIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void deploysProcessFolderWithRelativeNames() {
        JsonNode definitions = new TestApi(rest).get("/api/processes").getBody();

        JsonNode invoiceToCash = definitions.findParents("key").stream()
                .filter(definition -> definition.get("key").asText().equals("invoiceToCash"))
                .findFirst().orElseThrow();
        assertThat(invoiceToCash.get("resourceName").asText()).isEqualTo("invoice-to-cash.bpmn");
    }

    @Test
    void redeployWithoutChangesMakesNoNewVersion() {
        long versionsBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey("invoiceToCash")
                .count();

        JsonNode result = new TestApi(rest).post("/api/processes/deploy", null).getBody();

        assertThat(result.get("resources").toString()).contains("invoice-to-cash.bpmn");
        assertThat(result.get("newVersions")).isEmpty();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("invoiceToCash").count())
                .isEqualTo(versionsBefore);
    }
}
