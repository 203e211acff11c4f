package org.yiwang.analytics.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.web.mobile.FieldOrders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The big screen: who may open it, its snapshot within the reader's territory, and the shared snapshot pushed over SSE. */
@SpringBootTest
@AutoConfigureMockMvc
class CommandScreenTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired ApplicationContext context;
    @Autowired JsonMapper json;
    @Autowired CommandScreen screen;

    FieldOrders orders;

    @BeforeEach
    void fieldOrders() {
        orders = FieldOrders.of(context);
    }

    @AfterEach
    void switchTheScreensOff() {
        screen.closeAll();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode snapshot(String username) throws Exception {
        return json.readTree(mvc.perform(get("/command/screen/snapshot").with(as(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    List<JsonNode> snapshots(MvcResult stream) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String text = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String event = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && "snapshot".equals(event)) {
                out.add(json.readTree(line.substring(5)));
            }
        }
        return out;
    }

    @Test
    void theBigScreenIsForLeadersDispatchersAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/command/screen").with(as("resident"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/screen/snapshot").with(as("gridworker"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/screen/stream").with(as("handler"))).andExpect(status().isForbidden());
        mvc.perform(get("/command/screen").with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("社会治理综合指挥中心")))
                .andExpect(content().string(containsString("/command/screen/stream")))
                .andExpect(content().string(containsString("/js/analytics/screen.js")));
        mvc.perform(get("/command/screen").with(as("dispatcher"))).andExpect(status().isOk());
    }

    @Test
    void todaysReportShowsInTheIntakeAndItsEventInTheTicker() throws Exception {
        long before = snapshot("leader").get("today").get("intake").asLong();
        WorkOrder order = orders.reportedByResident("大屏：今日新报");
        await().atMost(Duration.ofSeconds(12)).until(() -> snapshot("leader").get("today").get("intake").asLong() > before);
        JsonNode after = snapshot("leader");
        assertThat(after.get("today").get("open").asLong()).isPositive();
        List<String> numbers = new ArrayList<>();
        after.get("events").forEach(e -> numbers.add(e.get("number").asString()));
        assertThat(numbers).contains(order.number());
        assertThat(after.get("lights").get("GREEN").asLong() + after.get("lights").get("YELLOW").asLong()
                + after.get("lights").get("RED").asLong() + after.get("lights").get("NONE").asLong()).isPositive();
        assertThat(after.get("hotSpots")).isNotEmpty();
        assertThat(after.get("streets")).isNotEmpty();
    }

    @Test
    void aStreetDispatchersScreenShowsNothingOfAnotherStreet() throws Exception {
        WorkOrder fuzimiao = orders.reportedByResident("大屏：夫子庙的事件");
        await().atMost(Duration.ofSeconds(12)).until(() -> snapshot("leader").get("events").toString().contains(fuzimiao.number()));
        JsonNode honghua = snapshot("dispatcher-honghua");
        assertThat(honghua.get("events").toString()).doesNotContain(fuzimiao.number());
        String honghuaStreet = orders.honghuaGrid().street().name();
        honghua.get("hotSpots").forEach(h -> assertThat(h.get("street").asString()).isEqualTo(honghuaStreet));
        honghua.get("streets").forEach(s -> assertThat(s.get("name").asString()).isEqualTo(honghuaStreet));
    }

    @Test
    void theStreamSendsASnapshotAtOnceAndScreensOfOneTerritoryShareTheNextOne() throws Exception {
        MvcResult first = mvc.perform(get("/command/screen/stream").with(as("leader"))).andExpect(request().asyncStarted()).andReturn();
        MvcResult second = mvc.perform(get("/command/screen/stream").with(as("leader"))).andExpect(request().asyncStarted()).andReturn();
        assertThat(snapshots(first)).isNotEmpty(); // at once, before any refresh (a refresh may also have come in)
        assertThat(snapshots(second)).isNotEmpty();
        assertThat(screen.viewers()).isEqualTo(2);

        // one computation for both screens: after a refresh both get the very same snapshot, down to the nanosecond it
        // was taken (computed per screen, two snapshots would never share that instant)
        await().atMost(Duration.ofSeconds(20)).until(() -> !shared(first, second).isEmpty());
        JsonNode a = shared(first, second).getFirst();
        assertThat(a.get("today").has("intake")).isTrue();
    }

    List<JsonNode> shared(MvcResult first, MvcResult second) throws Exception {
        List<String> seen = new ArrayList<>();
        for (JsonNode s : snapshots(second)) {
            seen.add(s.get("at").asString() + "|" + s.get("computedMillis").asLong());
        }
        return snapshots(first).stream().filter(s -> seen.contains(s.get("at").asString() + "|" + s.get("computedMillis").asLong())).toList();
    }

    @Test
    void theOfflineBaseMapHasTheDistrictOutlineAndTheTwelveStreetsWithTheirNames() throws Exception {
        JsonNode outline = json.readTree(mvc.perform(get("/command/map/outline.geojson").with(as("dispatcher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode district = outline.get("features").get(0);
        assertThat(district.get("properties").get("kind").asString()).isEqualTo("district");
        assertThat(district.get("properties").get("name").asString()).isEqualTo("秦淮区");
        List<String> labels = new ArrayList<>();
        outline.get("features").forEach(f -> {
            if ("label".equals(f.get("properties").get("kind").asString())) {
                labels.add(f.get("properties").get("name").asString());
            }
        });
        assertThat(labels).hasSize(12).contains("夫子庙街道", "红花街道");
        mvc.perform(get("/command/map/outline.geojson").with(as("resident"))).andExpect(status().isForbidden());
    }

    @Test
    void theMapPageOffersTheBaseMapsAndTheWayToTheBigScreen() throws Exception {
        mvc.perform(get("/command/map").with(as("dispatcher")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-default-base=\"offline\"")))
                .andExpect(content().string(containsString("/js/analytics/base-maps.js")))
                .andExpect(content().string(containsString("href=\"/command/screen\"")));
        mvc.perform(get("/command/map").with(as("community")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/command/screen\""))));
    }
}
