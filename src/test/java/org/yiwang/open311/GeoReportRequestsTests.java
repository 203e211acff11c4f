package org.yiwang.open311;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.intake.ChannelSpringTest;
import org.yiwang.intake.IntakeFixtures;
import org.yiwang.intake.StandardAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What GeoReport v2 does beyond the shapes: keys, locating, attributes, the filters and extensions of GET requests. */
@ChannelSpringTest
class GeoReportRequestsTests {

    static final String V2 = "/open311/v2/";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    GeoReportClient client;
    IntakeFixtures fixtures;
    IndexedGrid grid;
    String key;

    @BeforeEach
    void aClientWithAKey() throws Exception {
        client = new GeoReportClient(mvc);
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
        key = issue("requests tests", 10_000).get("key").asString();
    }

    JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode issue(String client, int perMinute) throws Exception {
        return call(post("/api/open311/keys").with(fixtures.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("clientName", client, "contact", "dev@example.org", "requestsPerMinute", perMinute))), 201);
    }

    JsonNode read(GeoReportClient.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        return json.readTree(answer.text());
    }

    String create(String... more) throws Exception {
        double[] p = IntakeFixtures.latLon(grid);
        String[] fields = new String[8 + more.length];
        System.arraycopy(new String[]{"api_key", key, "service_code", "C01001", "lat", String.valueOf(p[0]), "long", String.valueOf(p[1])},
                0, fields, 0, 8);
        System.arraycopy(more, 0, fields, 8, more.length);
        boolean hasDamage = String.join(",", more).contains("attribute[DAMAGE]");
        GeoReportClient.Answer answer = hasDamage ? client.post(V2 + "requests.json", fields)
                : client.post(V2 + "requests.json", concat(fields, "attribute[DAMAGE]", "BROKEN"));
        return read(answer, 201).get(0).get("service_request_id").asString();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void keysAreIssuedOnceStoredHashedRateLimitedAndRevocable() throws Exception {
        JsonNode issued = issue("街道 App", 2);
        String value = issued.get("key").asString();
        long id = issued.get("id").asLong();
        assertThat(value).startsWith("o311_");
        assertThat(call(get("/api/open311/keys").with(fixtures.as("admin")), 200).toString()).doesNotContain(value);
        String stored = jdbc.sql("SELECT key_hash FROM open311_api_key WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).isNotEqualTo(value).hasSize(64);
        call(get("/api/open311/keys").with(fixtures.as("dispatcher")), 403);

        // two calls a minute: within five calls one is refused, whatever minute they fall in
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            GeoReportClient.Answer answer = client.get(V2 + "services/C01001.json", "api_key", value);
            refused += answer.status() == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();

        call(patch("/api/open311/keys/" + id).with(fixtures.as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestsPerMinute\": 1000}"), 200);
        assertThat(client.get(V2 + "services.json", "api_key", value).status()).isEqualTo(200);
        JsonNode revoked = call(delete("/api/open311/keys/" + id).with(fixtures.as("admin")), 200);
        assertThat(revoked.get("active").asBoolean()).isFalse();
        GeoReportClient.Answer refusedPost = client.post(V2 + "requests.json", "api_key", value, "service_code", "C01001",
                "address_string", "x", "attribute[DAMAGE]", "BROKEN");
        assertThat(refusedPost.status()).isEqualTo(403);
    }

    @Test
    void theSameIdempotencyKeyFromTheSameClientReturnsTheFirstRequest() throws Exception {
        double[] p = IntakeFixtures.latLon(grid);
        String[] fields = {"api_key", key, "service_code", "C01001", "lat", String.valueOf(p[0]), "long", String.valueOf(p[1]),
                "attribute[DAMAGE]", "MISSING"};
        String clientKey = IntakeFixtures.unique("req");
        String first = read(client.postWithKey(V2 + "requests.json", clientKey, fields), 201).get(0).get("service_request_id").asString();
        String again = read(client.postWithKey(V2 + "requests.json", clientKey, fields), 201).get(0).get("service_request_id").asString();
        String other = read(client.postWithKey(V2 + "requests.json", clientKey + "x", fields), 201).get(0).get("service_request_id").asString();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void anAddressIdOrAnAddressStringIsLocatedByTheStandardAddressTable() throws Exception {
        String street = "中华路" + IntakeFixtures.unique("").replace("-", "") + "号";
        StandardAddress address = fixtures.address(grid, street);
        String byId = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "C01001", "address_id", address.code(),
                "attribute[DAMAGE]", "BROKEN"), 201).get(0).get("service_request_id").asString();
        String byWords = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "C01001",
                "address_string", "南京市秦淮区" + street + "旁边", "attribute[DAMAGE]", "BROKEN"), 201).get(0).get("service_request_id").asString();
        for (String id : new String[]{byId, byWords}) {
            JsonNode request = read(client.get(V2 + "requests/" + id + ".json"), 200).get(0);
            assertThat(request.get("address_id").asString()).isEqualTo(address.code());
            assertThat(request.get("lat").asDouble()).isEqualTo(address.lat());
        }
        assertThat(read(client.post(V2 + "requests.json", "api_key", key, "service_code", "C01001", "address_id", "NO-SUCH",
                "attribute[DAMAGE]", "BROKEN"), 400).toString()).contains("NO-SUCH");
    }

    @Test
    void attributesAreCheckedAndReachTheDispatchersAndTheUrgency() throws Exception {
        JsonNode errors = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "M09001", "lat", "32.02", "long",
                "118.79", "attribute[ONGOING]", "MAYBE", "attribute[PEOPLE_COUNT]", "a few", "attribute[OCCURRED_AT]", "noon",
                "attribute[URGENCY]", "URGENT", "attribute[URGENCY]", "CRITICAL"), 400);
        assertThat(errors.size()).isGreaterThanOrEqualTo(4);
        assertThat(errors.toString()).contains("ONGOING").contains("PEOPLE_COUNT").contains("OCCURRED_AT").contains("URGENCY");

        String id = create("attribute[URGENCY]", "URGENT", "attribute[DAMAGE]", "MISSING", "attribute[COMPONENT_ID]", "3201040100100123",
                "description", "井盖不见了");
        long orderId = jdbc.sql("SELECT order_id FROM open311_request WHERE number = :n").param("n", id).query(Long.class).single();
        JsonNode order = call(get("/api/work-orders/" + orderId).with(fixtures.as("admin")), 200);
        assertThat(order.get("source").asString()).isEqualTo("OPEN311");
        assertThat(order.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(order.get("description").asString()).contains("井盖不见了").contains("问题情况：缺失").contains("3201040100100123");
    }

    @Test
    void getRequestsFiltersByIdDateStatusServiceBoxUpdateTimeJurisdictionAndPages() throws Exception {
        String a = create();
        String b = create();
        double[] p = IntakeFixtures.latLon(grid);
        // a minute ahead: the orders were requested within this second, after its truncated start
        String soon = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(1).withNano(0).toString();
        String hourAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
        String hourAhead = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString();

        // ids: exactly those, other filters ignored
        JsonNode byId = read(client.get(V2 + "requests.json", "service_request_id", a + "," + b, "start_date", "2020-01-01T00:00:00Z",
                "end_date", "2020-02-01T00:00:00Z"), 200);
        assertThat(byId.findValuesAsString("service_request_id")).containsExactlyInAnyOrder(a, b);

        assertThat(ids(client.get(V2 + "requests.json", "start_date", hourAgo))).contains(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "start_date", hourAhead))).doesNotContain(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "status", "closed"))).doesNotContain(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "status", "open,closed", "service_code", "C01001"))).contains(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "service_code", "M06001"))).doesNotContain(a, b);
        String box = (p[1] - 0.001) + "," + (p[0] - 0.001) + "," + (p[1] + 0.001) + "," + (p[0] + 0.001);
        assertThat(ids(client.get(V2 + "requests.json", "bbox", box))).contains(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "bbox", "100,20,100.1,20.1"))).doesNotContain(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "updated_after", hourAgo))).contains(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "updated_after", hourAhead))).doesNotContain(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "jurisdiction_id", "320104"))).contains(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "jurisdiction_id", "320102"))).doesNotContain(a, b);
        assertThat(ids(client.get(V2 + "requests.json", "end_date", soon, "start_date", hourAgo))).contains(a, b);

        JsonNode first = read(client.get(V2 + "requests.json", "page_size", "1", "page", "1"), 200);
        JsonNode second = read(client.get(V2 + "requests.json", "page_size", "1", "page", "2"), 200);
        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(1);
        assertThat(first.get(0).get("service_request_id")).isNotEqualTo(second.get(0).get("service_request_id"));
    }

    @Test
    void aDispatchedRequestNamesItsAgencyAndDueTimeAndItsHistoryOnRequest() throws Exception {
        // a service the duty list routes in this grid, with its required attributes answered
        org.yiwang.dispatch.Router router = context.getBean(org.yiwang.dispatch.Router.class);
        org.yiwang.open311.georeport.ServiceDirectory services = context.getBean(org.yiwang.open311.georeport.ServiceDirectory.class);
        org.yiwang.catalog.Category routed = context.getBean(org.yiwang.catalog.Catalog.class).categories().stream()
                .filter(org.yiwang.catalog.Category::enabled)
                .filter(c -> router.route(new org.yiwang.dispatch.RouteRequest(c.code(), grid.code(), grid.community().code(),
                        grid.street().code(), grid.district().code())).routed())
                .findFirst().orElseThrow();
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("service_code", routed.code()));
        for (org.yiwang.open311.georeport.Attribute a : services.attributes(routed)) {
            if (a.required()) {
                fields.add("attribute[" + a.code() + "]");
                fields.add(a.values().isEmpty() ? "1" : a.values().getFirst());
            }
        }
        double[] p = IntakeFixtures.latLon(grid);
        String id = read(client.post(V2 + "requests.json", concat(fields.toArray(String[]::new), "api_key", key,
                "lat", String.valueOf(p[0]), "long", String.valueOf(p[1]))), 201).get(0).get("service_request_id").asString();
        JsonNode request = null;
        for (int i = 0; i < 100; i++) {
            request = read(client.get(V2 + "requests/" + id + ".json", "extensions", "true"), 200).get(0);
            if (!request.get("agency_responsible").isNull()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("agency_responsible").asString()).isNotBlank();
        assertThat(request.get("status_notes").asString()).contains(request.get("agency_responsible").asString());
        assertThat(request.get("expected_datetime").asString()).endsWith("+08:00");
        assertThat(request.get("notes").findValuesAsString("type")).contains("report", "dispatch");
        // English on request
        JsonNode english = json.readTree(client.answer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get(V2 + "requests/" + id + ".json").header("Accept-Language", "en")).text()).get(0);
        assertThat(english.get("status_notes").asString()).startsWith("Sent to");
    }

    @Test
    void hotlineOrdersArePrivateAndPersonalMattersAreNotListed() throws Exception {
        // an Open311 report of a neighbour dispute (L01) is not listed, but its client can follow it by id
        double[] p = IntakeFixtures.latLon(grid);
        String dispute = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "L01001", "lat", String.valueOf(p[0]),
                "long", String.valueOf(p[1]), "description", "楼上邻居半夜吵闹 13912345678"), 201).get(0).get("service_request_id").asString();
        assertThat(ids(client.get(V2 + "requests.json", "service_code", "L01001"))).doesNotContain(dispute);
        JsonNode one = read(client.get(V2 + "requests/" + dispute + ".json"), 200).get(0);
        assertThat(one.get("description").asString()).contains("139****5678").doesNotContain("13912345678");

        // a 12345 order never appears
        String street = "建康路" + IntakeFixtures.unique("").replace("-", "") + "号";
        fixtures.address(grid, street);
        JsonNode receipt = call(post("/api/intake/hotline").with(fixtures.as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("externalNo", IntakeFixtures.unique("H"), "calledAt", "2026-05-06 09:00",
                        "content", "噪音", "address", street))), 201);
        String number = receipt.get("orderNumber").asString();
        for (int i = 0; i < 50 && jdbc.sql("SELECT count(*) FROM open311_request WHERE number = :n").param("n", number)
                .query(Long.class).single() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(read(client.get(V2 + "requests/" + number + ".json"), 404).toString()).contains(number);
        assertThat(ids(client.get(V2 + "requests.json", "service_request_id", number))).isEmpty();
    }

    @Test
    void aRequestForAServiceThatDoesNotExistIsNotFound() throws Exception {
        double[] p = IntakeFixtures.latLon(grid);
        JsonNode errors = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "C99999", "lat", String.valueOf(p[0]),
                "long", String.valueOf(p[1])), 404);
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(404);
        assertThat(errors.toString()).contains("C99999");
    }

    @Test
    void indexedMultiValueAttributesArriveAndUndefinedOnesAreRefusedByName() throws Exception {
        String id = create("attribute[HAZARDS][0]", "TRAFFIC", "attribute[HAZARDS][1]", "FLOODING");
        JsonNode extended = read(client.get(V2 + "requests/" + id + ".json", "extensions", "true"), 200).get(0);
        assertThat(extended.get("attributes").toString()).contains("HAZARDS").contains("TRAFFIC,FLOODING");

        double[] p = IntakeFixtures.latLon(grid);
        JsonNode errors = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "C01001", "lat", String.valueOf(p[0]),
                "long", String.valueOf(p[1]), "attribute[DAMAGE]", "BROKEN", "attribute[COLOUR]", "red"), 400);
        assertThat(errors.toString()).contains("COLOUR");
    }

    @Test
    void aClientThatPostsTheSameReportAgainGetsTheFirstRequest() throws Exception {
        double[] p = IntakeFixtures.latLon(grid);
        String[] fields = {"api_key", key, "service_code", "C01001", "lat", String.valueOf(p[0]), "long", String.valueOf(p[1]),
                "attribute[DAMAGE]", "BROKEN", "email", "fms@example.org", "description", "井盖破损 " + IntakeFixtures.unique("")};
        long before = jdbc.sql("SELECT count(*) FROM open311_submission").query(Long.class).single();
        String first = read(client.post(V2 + "requests.json", fields), 201).get(0).get("service_request_id").asString();
        for (int retry = 0; retry < 4; retry++) {
            assertThat(read(client.post(V2 + "requests.json", fields), 201).get(0).get("service_request_id").asString()).isEqualTo(first);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM open311_submission").query(Long.class).single()).isEqualTo(before + 1);

        // another report of the same client is another request
        fields[fields.length - 1] = fields[fields.length - 1] + "，有积水";
        assertThat(read(client.post(V2 + "requests.json", fields), 201).get(0).get("service_request_id").asString()).isNotEqualTo(first);
    }

    @Test
    void aRequestIdGivenByATokenIsReadableAtOnce() throws Exception {
        org.yiwang.intake.PendingReports pending = context.getBean(org.yiwang.intake.PendingReports.class);
        for (int i = 0; i < 5; i++) {
            JsonNode created = read(client.post(V2 + "requests.json", "api_key", key, "service_code", "M06001",
                    "address_string", "无此地址" + IntakeFixtures.unique("路") + "号", "description", "垃圾堆放"), 201);
            String token = created.get(0).get("token").asString();
            long recordId = jdbc.sql("SELECT record_id FROM open311_token WHERE token = :t").param("t", token).query(Long.class).single();
            pending.locate(recordId, new org.yiwang.intake.LocatePending(null, grid.code(), null, null, null), fixtures.actor("dispatcher"));
            String id = read(client.get(V2 + "tokens/" + token + ".json"), 200).get(0).get("service_request_id").asString();
            assertThat(read(client.get(V2 + "requests/" + id + ".json"), 200).get(0).get("service_request_id").asString()).isEqualTo(id);
        }
    }

    @Test
    void emptyKeywordsAreNullLikeEveryOtherEmptyField() throws Exception {
        JsonNode services = read(client.get(V2 + "services.json"), 200);
        assertThat(services.findValues("keywords").stream().filter(k -> !k.isNull()).map(JsonNode::asString)).doesNotContain("");
        assertThat(services.findValues("keywords").stream().anyMatch(JsonNode::isNull)).isTrue();
    }

    @Test
    void readsCarryCorsHeadersForWebPages() throws Exception {
        for (String path : new String[]{"services.json", "services/C01001.xml", "requests.json", "discovery.json"}) {
            assertThat(mvc.perform(get(V2 + path).header("Origin", "https://fixmystreet.example"))
                    .andReturn().getResponse().getHeader("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
        }
        assertThat(mvc.perform(get(V2 + "requests/YW000.json").header("Origin", "https://fixmystreet.example"))
                .andReturn().getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    java.util.List<String> ids(GeoReportClient.Answer answer) throws Exception {
        return read(answer, 200).findValuesAsString("service_request_id");
    }
}
