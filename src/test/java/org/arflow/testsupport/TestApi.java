package org.arflow.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The ARflow API as an authenticated caller sees it, with JSON bodies read as trees. */
public final class TestApi {

    public static final String ADMIN_PASSWORD = "test-admin-secret";

    private final TestRestTemplate rest;

    public TestApi(TestRestTemplate rest) {
        this.rest = rest.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return rest.getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return post(path, body, new HttpHeaders());
    }

    public ResponseEntity<JsonNode> post(String path, Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Uploads a file as the multipart part {@code file}, the way {@code curl -F file=@...} does. */
    public ResponseEntity<JsonNode> upload(String path, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    public TestRestTemplate anonymous() {
        return rest.withBasicAuth(null, null);
    }
}
