package dev.liaison.palettes.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Calls the REST API over real HTTP and hands back every status, errors included, with the body as JSON. */
public final class RestCalls {

    private final RestClient client;

    public RestCalls(int port) {
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                // The JDK client speaks PATCH, which HttpURLConnection does not.
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public ResponseEntity<JsonNode> get(String path) {
        return client.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, String json) {
        return client.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> patch(String path, String json) {
        return client.patch()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(JsonNode.class);
    }
}
