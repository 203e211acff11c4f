package org.yiwang.enforcement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign's work is the grid's work: a red record hands its visit or check to the grid worker's today list
 * (fieldwork), doing it there closes the campaign's task; a red flood site also raises a work order, and the order's
 * end closes that task.
 */
@EnforcementSpringTest
class CampaignGridWorkTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired WorkOrderActions actions;
    @Autowired WorkOrderQueries orders;
    @Autowired Clock clock;

    EnforcementApi api;
    String grid;

    @BeforeEach
    void setUp() {
        api = new EnforcementApi(mvc, json, users, grids, locator, organization);
        grid = grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code();
    }

    Map<String, Object> redReturn(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("gridCode", grid);
        body.put("subject", name);
        body.put("phone", "13700004444");
        body.put("address", "干将东路 8 号 2 幢");
        body.put("origin", "上海市浦东新区");
        body.put("arrivedOn", LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(1).toString());
        body.put("requestKey", UUID.randomUUID().toString());
        return body;
    }

    long fieldTaskOf(long recordId) {
        return jdbc.sql("SELECT field_task_id FROM enforcement_campaign_task WHERE record_id = :r").param("r", recordId)
                .query(Long.class).single();
    }

    @Test
    void aRedReturnPutsTheVisitOnTheGridWorkersDayAndDoingItThereClosesTheCampaignTask() throws Exception {
        long record = api.post("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/records", redReturn("孙立新"), 201).get("id").asLong();
        long task = fieldTaskOf(record);

        JsonNode mine = api.get("gridworker", "/api/fieldwork/tasks", 200).valueStream()
                .filter(t -> t.get("id").asLong() == task).findFirst().orElseThrow();
        assertThat(mine.get("kind").asString()).isEqualTo("VISIT");
        assertThat(mine.get("subject").asString()).isEqualTo("孙**");
        assertThat(mine.get("about").asString()).contains("返宁人员排查登记").contains("高风险");
        assertThat(mine.toString()).doesNotContain("13700004444");
        // the grid worker is told once (inbox and SMS), linked to the task; the notice names no one
        assertThat(jdbc.sql("""
                SELECT count(*) FROM notify_inbox i JOIN people_user u ON u.id = i.user_id
                 WHERE u.username = 'gridworker' AND i.template_key = 'fieldwork.notice.task.VISIT' AND i.link = :link""")
                .param("link", "/m/tasks/" + task).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notify_outbox WHERE channel = 'SMS' AND link = :link AND args::text LIKE '%孙%'")
                .param("link", "/m/tasks/" + task).query(Long.class).single()).isZero();

        api.post("gridworker", "/api/fieldwork/tasks/" + task + "/done", Map.of("note", "已上门，体温正常，已告知居家监测"), 200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode r = api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/records?colour=RED", 200).valueStream()
                    .filter(x -> x.get("id").asLong() == record).findFirst().orElseThrow();
            assertThat(r.get("openTasks").asInt()).isZero();
        });
        JsonNode done = api.get("dispatcher", "/api/campaigns/EPIDEMIC_RETURN/tasks?open=false", 200).valueStream()
                .filter(t -> t.get("recordId").asLong() == record).findFirst().orElseThrow();
        assertThat(done.get("note").asString()).contains("体温正常");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT stream, subject_id, kind FROM ledger_entry UNION ALL SELECT stream, subject_id, kind FROM ledger_pending) l
                 WHERE stream = 'enforcement.campaign' AND subject_id = :s AND kind = 'TASK_DONE'""")
                .param("s", "EPIDEMIC_RETURN:" + record).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("gridworker", "/api/fieldwork/tasks", 200).valueStream().map(t -> t.get("id").asLong())).doesNotContain(task);
    }

    @Test
    void doingTheVisitFromTheCampaignPageAlsoTakesItOffTheGridWorkersDay() throws Exception {
        long record = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", redReturn("郑海燕"), 201).get("id").asLong();
        long fieldTask = fieldTaskOf(record);
        long campaignTask = jdbc.sql("SELECT id FROM enforcement_campaign_task WHERE record_id = :r").param("r", record).query(Long.class).single();
        api.post("gridworker", "/api/campaigns/tasks/" + campaignTask + "/done", Map.of("note", "已走访"), 200);
        assertThat(api.get("gridworker", "/api/fieldwork/tasks", 200).valueStream().map(t -> t.get("id").asLong())).doesNotContain(fieldTask);
        api.post("gridworker", "/api/fieldwork/tasks/" + fieldTask + "/done", Map.of("note", "again"), 409);
    }

    @Test
    void aFieldTaskIsDoneOnceWithANoteAndOnlyInTheWorkersOwnGrids() throws Exception {
        long record = api.post("gridworker", "/api/campaigns/EPIDEMIC_RETURN/records", redReturn("冯雪"), 201).get("id").asLong();
        long task = fieldTaskOf(record);
        assertThat(api.post("gridworker", "/api/fieldwork/tasks/" + task + "/done", Map.of("note", " "), 400).get("detail").asString())
                .contains("note");
        api.post("resident", "/api/fieldwork/tasks/" + task + "/done", Map.of("note", "x"), 403);
        api.get("dispatcher-honghua", "/api/fieldwork/tasks/" + task, 404);
        assertThat(jdbc.sql("SELECT done_at IS NULL FROM fieldwork_task WHERE id = :id").param("id", task).query(Boolean.class).single()).isTrue();
        api.post("gridworker", "/api/fieldwork/tasks/" + task + "/done", Map.of("note", "已走访"), 200);
        api.post("gridworker", "/api/fieldwork/tasks/" + task + "/done", Map.of("note", "已走访"), 409);
    }

    @Test
    void aRedFloodSiteRaisesAWorkOrderAndTheOrdersEndClosesThatTask() throws Exception {
        Map<String, Object> site = Map.of("gridCode", grid, "subject", "十全街危房", "address", "十全街 88 号", "hazard", "危房",
                "requestKey", UUID.randomUUID().toString());
        long record = api.post("gridworker", "/api/campaigns/FLOOD_SEASON/records", site, 201).get("id").asLong();
        record Spawned(String kind, Long orderId, Long fieldTaskId) {
        }
        var spawned = jdbc.sql("SELECT kind, order_id, field_task_id FROM enforcement_campaign_task WHERE record_id = :r ORDER BY kind")
                .param("r", record).query((rs, n) -> new Spawned(rs.getString(1), (Long) rs.getObject(2), (Long) rs.getObject(3))).list();
        assertThat(spawned).extracting(Spawned::kind).containsExactly("CHECK", "ORDER");
        assertThat(spawned.getFirst().fieldTaskId()).isNotNull();
        long orderId = spawned.get(1).orderId();
        var order = orders.get(orderId, org.yiwang.platform.Actor.system());
        assertThat(order.description()).contains("防汛排查专项行动").contains("十全街危房");
        assertThat(order.status()).isNotEqualTo(WorkOrderStatus.VOIDED);

        var dispatcher = people.actorOf("dispatcher").orElseThrow();
        if (order.status() != WorkOrderStatus.REPORTED && order.status() != WorkOrderStatus.REGISTERED) {
            fail("the raised order is " + order.status());
        }
        actions.perform(orderId, Action.VOID, ActOnOrder.note("重复，已由社区处理"), dispatcher);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT done_at IS NOT NULL FROM enforcement_campaign_task WHERE order_id = :o").param("o", orderId)
                        .query(Boolean.class).single()).isTrue());
        api.post("gridworker", "/api/campaigns/tasks/" + jdbc.sql("SELECT id FROM enforcement_campaign_task WHERE order_id = :o")
                .param("o", orderId).query(Long.class).single() + "/done", Map.of("note", "x"), 409);
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }
}
