package dev.liaison.palettes.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls the REST API over real HTTP and hands back every status, errors included, with the body as JSON. Calls go as
 * the given user with HTTP Basic, or anonymously.
 */
public final class RestCalls {

    private final RestClient client;

    /** Anonymous calls: what a caller without credentials gets. */
    public RestCalls(int port) {
        this(port, null);
    }

    /** Calls as {@code user}, with HTTP Basic on every request. */
    public RestCalls(int port, TestUsers.Credentials user) {
        RestClient.Builder builder = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                // The JDK client speaks PATCH, which HttpURLConnection does not.
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(status -> true, (request, response) -> {});
        if (user != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, basic(user));
        }
        this.client = builder.build();
    }

    public static String basic(TestUsers.Credentials user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
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
