package org.yiwang.sla;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SlaSpringTest
class SlaApiTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired SlaSweep sweep;

    SlaFixtures given;

    @BeforeEach
    void fixtures() {
        given = new SlaFixtures(context);
    }

    JsonNode call(String path, String username, int expected, String... acceptLanguage) throws Exception {
        var request = get(path);
        if (username != null) {
            request = request.with(user(users.loadUserByUsername(username)));
        }
        if (acceptLanguage.length > 0) {
            request = request.header("Accept-Language", acceptLanguage[0]);
        }
        String body = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    static JsonNode find(JsonNode array, String field, long value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.get(field).asLong() == value).findFirst().orElse(null);
    }

    @Test
    void staffSeeTheLightsOfTheirOwnScope() throws Exception {
        long late = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(late);
        sweep.run(given.justAfter(clock.dueAt()));
        given.awaitInStep(late);
        given.clock.advance(Duration.ofMinutes(5));
        long fresh = given.dispatchedToTheHandler(Urgency.NORMAL);
        long handlerUnit = given.people.findByUsername("handler").orElseThrow().orgUnitId();

        JsonNode detail = call("/api/sla/orders/" + late, "dispatcher", 200);
        assertThat(detail.get("light").asString()).isEqualTo("RED");
        assertThat(detail.get("lightLabel").asString()).isEqualTo("红灯：已超期");
        assertThat(detail.get("stageLabel").asString()).isEqualTo("处置");
        assertThat(detail.get("dueAt").asString()).endsWith("+08:00");
        assertThat(detail.get("usedPercent").asDouble()).isGreaterThanOrEqualTo(100.0);
        assertThat(detail.get("escalated").asBoolean()).isTrue();
        assertThat(detail.get("history").findValuesAsString("kind")).containsExactly("STARTED", "BREACHED");
        assertThat(detail.get("history").get(0).get("action").asString()).isEqualTo("DISPATCH");
        assertThat(call("/api/sla/orders/" + fresh, "handler", 200, "en").get("lightLabel").asString()).startsWith("Green");
        call("/api/sla/orders/" + late, "dispatcher-honghua", 404);
        call("/api/sla/orders/" + late, "resident", 403);
        call("/api/sla/orders/" + late, null, 401);

        JsonNode overdue = call("/api/sla/overdue?size=200", "dispatcher", 200);
        JsonNode row = find(overdue.get("content"), "orderId", late);
        assertThat(row).isNotNull();
        assertThat(row.get("overdueMinutes").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("assigneeName").asString()).isEqualTo("秦淮区城市管理局");
        assertThat(find(overdue.get("content"), "orderId", fresh)).isNull();
        assertThat(find(call("/api/sla/overdue?size=200", "handler", 200).get("content"), "orderId", late)).isNotNull();
        assertThat(find(call("/api/sla/overdue?size=200", "dispatcher-honghua", 200).get("content"), "orderId", late)).isNull();
        assertThat(call("/api/sla/overdue?size=0", "dispatcher", 400, "en").get("detail").asString()).contains("size");
        call("/api/sla/overdue", "resident", 403);

        JsonNode overview = call("/api/sla/overview", "dispatcher", 200);
        assertThat(overview.get("total").get("red").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overview.get("total").get("green").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode street = StreamSupport.stream(overview.get("byStreet").spliterator(), false)
                .filter(s -> s.get("code").asString().equals(given.grid.street().code())).findFirst().orElseThrow();
        assertThat(street.get("red").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(street.get("name").asString()).contains("指挥中心");
        JsonNode department = find(overview.get("byDepartment"), "orgUnitId", handlerUnit);
        assertThat(department.get("name").asString()).isEqualTo("秦淮区城市管理局");
        assertThat(department.get("red").asLong() + department.get("yellow").asLong() + department.get("green").asLong())
                .isEqualTo(department.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(call("/api/sla/overview", "dispatcher-honghua", 200).get("byStreet").findValuesAsString("code"))
                .doesNotContain(given.grid.street().code());
        call("/api/sla/overview", "resident", 403);
    }

    @Test
    void theHistoryShowsWhyTheDueTimeMoved() throws Exception {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        given.act(id, "dispatcher", Action.SUSPEND, "等待管线单位施工");
        given.clock.advance(Duration.ofHours(20));
        given.act(id, "dispatcher", Action.RESUME, "施工完成");
        given.awaitInStep(id);
        JsonNode history = call("/api/sla/orders/" + id, "dispatcher", 200, "en").get("history");
        assertThat(history.findValuesAsString("kind")).containsExactly("STARTED", "SUSPENDED", "DUE_MOVED", "RESUMED");
        JsonNode moved = history.get(2);
        assertThat(moved.get("action").asString()).isEqualTo("RESUME");
        assertThat(moved.get("kindLabel").asString()).isEqualTo("Due time moved");
        assertThat(moved.get("movedBy").asString()).startsWith("PT");
        assertThat(moved.get("dueAfter").asString()).isGreaterThan(moved.get("dueBefore").asString());
    }
}
