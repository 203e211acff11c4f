package org.yiwang;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the test client is generated from ({@code src/test/resources/openapi/yiwang.json})
 * is the one the application serves: a change of any JSON answer or endpoint fails here until the
 * snapshot is rewritten with {@code -Dopenapi.rewrite=true} (and the generated client then follows it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocsSnapshotTests {

    static final Path SNAPSHOT = Path.of("src/test/resources/openapi/yiwang.json");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @LocalServerPort
    int port;

    @Test
    void theCommittedOpenApiSnapshotIsWhatTheApplicationServes() throws Exception {
        String live = normalized(fetch("/v3/api-docs"));
        if (Boolean.getBoolean("openapi.rewrite")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, live, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))
                .as("%s differs from /v3/api-docs: rewrite it with -Dopenapi.rewrite=true and review the diff", SNAPSHOT)
                .isEqualTo(live);
    }

    @Test
    void everyJsonAnswerOfTheWorkOrderApiIsDescribedFieldByField() throws Exception {
        JsonNode schemas = JSON.readTree(fetch("/v3/api-docs")).get("components").get("schemas");
        assertThat(schemas.get("OrderDetail").get("properties").propertyNames())
                .contains("id", "number", "status", "grid", "history", "allowedActions", "routing", "replayed");
        assertThat(schemas.get("OrderHistoryEntry").get("properties").propertyNames()).contains("action", "from", "to", "actor", "at");
        assertThat(schemas.get("PageViewOrderSummary").get("properties").propertyNames()).contains("content", "totalPages");
    }

    /** Keys sorted and the server address (a random port here) left out, two-space indented, one final newline. */
    static String normalized(String document) {
        Map<String, Object> tree = new LinkedHashMap<>(JSON.readValue(document, Map.class));
        tree.remove("servers");
        return JSON.writeValueAsString(tree) + "\n";
    }

    private String fetch(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }
}
