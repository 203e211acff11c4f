package org.yiwang.intake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChannelSpringTest
class PendingAndFeedTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ApplicationContext context;
    @Autowired GridLocator locator;

    IntakeFixtures fixtures;
    IndexedGrid grid;

    @BeforeEach
    void demoTerritory() {
        fixtures = new IntakeFixtures(context);
        grid = fixtures.dispatchersGrid();
    }

    JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        String body = mvc.perform(request.with(csrf())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    MockHttpServletRequestBuilder postJson(String path, String user, Object body) {
        return post(path).with(fixtures.as(user)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    JsonNode unlocatedHotlineOrder(String number) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(HotlineApiTests.order(number, "address", "查无此路" + number + "号"));
        return call(postJson("/api/intake/hotline", "dispatcher", body), 202);
    }

    @Test
    void aDispatcherLocatesAPendingReportAndItBecomesAnOrderOnlyOnce() throws Exception {
        String number = IntakeFixtures.unique("P");
        long id = unlocatedHotlineOrder(number).get("recordId").asLong();

        JsonNode list = call(get("/api/intake/pending").param("channel", "12345").param("size", "200")
                .with(fixtures.as("dispatcher")), 200);
        assertThat(list.get("content").findValuesAsString("externalNo")).contains(number);
        call(get("/api/intake/pending").with(fixtures.as("handler")), 403);

        StandardAddress address = fixtures.address(grid, "来凤街" + number.replace("-", "") + "号");
        JsonNode receipt = call(postJson("/api/intake/pending/" + id + "/locate", "dispatcher", Map.of("addressCode", address.code())), 201);
        assertThat(receipt.get("outcome").asString()).isEqualTo("CREATED");
        assertThat(receipt.get("locatedBy").asString()).isEqualTo("STANDARD_ADDRESS");
        JsonNode order = call(get("/api/work-orders/" + receipt.get("orderId").asLong()).with(fixtures.as("admin")), 200);
        assertThat(order.get("grid").get("code").asString()).isEqualTo(grid.code());
        assertThat(order.get("source").asString()).isEqualTo("HOTLINE_12345");

        // a second decision finds it decided; the hotline sending it again gets the order
        call(postJson("/api/intake/pending/" + id + "/locate", "dispatcher", Map.of("gridCode", grid.code())), 409);
        JsonNode again = call(postJson("/api/intake/hotline", "dispatcher", HotlineApiTests.order(number, "address", "x")), 200);
        assertThat(again.get("orderId").asLong()).isEqualTo(receipt.get("orderId").asLong());
    }

    @Test
    void aDispatcherCannotPlaceAReportOutsideTheirTerritoryAndMustChooseOnePlace() throws Exception {
        long id = unlocatedHotlineOrder(IntakeFixtures.unique("P")).get("recordId").asLong();
        IndexedGrid elsewhere = locator.index().grids().stream()
                .filter(g -> !g.street().code().equals(grid.street().code())).findFirst().orElseThrow();
        call(postJson("/api/intake/pending/" + id + "/locate", "dispatcher", Map.of("gridCode", elsewhere.code())), 403);
        call(postJson("/api/intake/pending/" + id + "/locate", "dispatcher", Map.of("gridCode", grid.code(), "lat", 32.0, "lon", 118.8)), 400);
        call(postJson("/api/intake/pending/" + id + "/locate", "dispatcher", Map.of("lat", 10.0, "lon", 10.0)), 422);
        call(postJson("/api/intake/pending/999999999/locate", "dispatcher", Map.of("gridCode", grid.code())), 404);
    }

    @Test
    void aDiscardedReportNeedsAReasonAndTheFeedTellsTheHotline() throws Exception {
        String number = IntakeFixtures.unique("P");
        long id = unlocatedHotlineOrder(number).get("recordId").asLong();
        call(postJson("/api/intake/pending/" + id + "/discard", "dispatcher", Map.of("reason", " ")), 400);
        JsonNode discarded = call(postJson("/api/intake/pending/" + id + "/discard", "dispatcher", Map.of("reason", "非本辖区事项")), 200);
        assertThat(discarded.get("status").asString()).isEqualTo("DISCARDED");

        List<JsonNode> entries = feedUntil(number, 2);
        assertThat(entries).extracting(e -> e.get("kind").asString()).containsExactly("PENDING", "DISCARDED");
        assertThat(entries.get(1).get("note").asString()).isEqualTo("非本辖区事项");
        assertThat(entries.get(1).get("open").asBoolean()).isFalse();
    }

    @Test
    void theFeedFollowsAHotlineOrderThroughItsTransitionsInCommitOrderFromACursor() throws Exception {
        String start = call(get("/api/intake/feed").param("after", "0").param("limit", "1000").with(fixtures.as("dispatcher")), 200)
                .get("next").asString();
        String street = "长乐路" + IntakeFixtures.unique("").replace("-", "") + "号";
        fixtures.address(grid, street);
        String number = IntakeFixtures.unique("F");
        call(postJson("/api/intake/hotline", "dispatcher", HotlineApiTests.order(number, "address", street)), 201);

        List<JsonNode> entries = feedUntil(number, 1);
        JsonNode report = entries.getFirst();
        assertThat(report.get("kind").asString()).isEqualTo("ORDER");
        assertThat(report.get("action").asString()).isEqualTo("REPORT");
        assertThat(report.get("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(report.get("orderNumber").asString()).startsWith("YW");
        assertThat(report.get("at").asString()).endsWith("+08:00");

        // paging by one from the cursor before the order: every entry once, in order, nothing behind a cursor
        List<String> seen = new ArrayList<>();
        String cursor = start;
        for (int i = 0; i < 500; i++) {
            JsonNode page = call(get("/api/intake/feed").param("after", cursor).param("limit", "1").with(fixtures.as("dispatcher")), 200);
            if (page.get("entries").isEmpty()) {
                break;
            }
            assertThat(page.get("entries").size()).isEqualTo(1);
            seen.add(page.get("entries").get(0).get("cursor").asString());
            cursor = page.get("next").asString();
        }
        assertThat(seen).doesNotHaveDuplicates().contains(report.get("cursor").asString());
    }

    @Test
    void theFeedRefusesBadCursorsAndResidents() throws Exception {
        call(get("/api/intake/feed").param("after", "tomorrow").with(fixtures.as("dispatcher")), 400);
        call(get("/api/intake/feed").param("limit", "0").with(fixtures.as("dispatcher")), 400);
        call(get("/api/intake/feed").with(fixtures.as("resident")), 403);
    }

    /** Reads the feed from the start until {@code count} entries of the external number are there (listeners run after commit). */
    List<JsonNode> feedUntil(String number, int count) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        for (int attempt = 0; attempt < 100 && mine.size() < count; attempt++) {
            mine.clear();
            String cursor = "0";
            boolean more = true;
            while (more) {
                JsonNode page = call(get("/api/intake/feed").param("after", cursor).param("limit", "1000").with(fixtures.as("dispatcher")), 200);
                page.get("entries").forEach(e -> {
                    if (number.equals(e.path("externalNo").asString(null))) {
                        mine.add(e);
                    }
                });
                cursor = page.get("next").asString();
                more = page.get("more").asBoolean();
            }
            if (mine.size() < count) {
                Thread.sleep(200);
            }
        }
        assertThat(mine).hasSizeGreaterThanOrEqualTo(count);
        return mine;
    }
}
