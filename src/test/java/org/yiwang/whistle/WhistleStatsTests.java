package org.yiwang.whistle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.whistle.WhistleApi.DISTRICT;
import static org.yiwang.whistle.WhistleApi.FUZIMIAO;
import static org.yiwang.whistle.WhistleApi.HONGHUA;

/** The assessment of both sides on a small known data set, and the indexes behind the lists and the scan. */
@WhistleSpringTest
class WhistleStatsTests {

    static final Instant MONDAY_9 = Instant.parse("2027-03-01T01:00:00Z"); // Monday 1 March 2027, 09:00 in Nanjing
    static final String MARCH = "from=2027-03-01&to=2027-03-31";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired People people;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WhistleActions actions;
    @Autowired WhistleQueries queries;
    @Autowired TransactionTemplate transactions;

    /**
     * In March 2027: 夫子庙 blows W1 (日常哨: 城管 on time after 60 min, 市场监管 "not our duty" after 120 min, resolved),
     * W2 (攻坚哨: 城管 late after two days, 住建 never; unresolved) and W3 (城管 and 交通, withdrawn after 30 min);
     * 红花 blows W4 (应急哨: 城管, still not there two days later).
     */
    @Test
    void bothSidesAreAssessed() throws Exception {
        clock.set(MONDAY_9);
        WhistleApi api = new WhistleApi(mvc, json, users, grids, locator, organization, jdbc);
        long urban = api.department(DepartmentType.URBAN_MANAGEMENT);
        long market = api.department(DepartmentType.MARKET_REGULATION);
        long housing = api.department(DepartmentType.HOUSING_CONSTRUCTION);
        long transport = api.department(DepartmentType.TRANSPORT);
        Actor fuzimiao = people.actorOf("dispatcher").orElseThrow();
        Actor honghua = people.actorOf("dispatcher-honghua").orElseThrow();
        Actor urbanHandler = people.actorOf("handler").orElseThrow();
        Actor marketHandler = departmentUser(9101, market);

        long w1 = blow(fuzimiao, api.orderIn(FUZIMIAO), WhistleKind.ROUTINE, urban, market);
        long w2 = blow(fuzimiao, api.orderIn(FUZIMIAO), WhistleKind.TOUGH, urban, housing);
        long w3 = blow(fuzimiao, api.orderIn(FUZIMIAO), WhistleKind.ROUTINE, urban, transport);
        blow(honghua, api.orderIn(HONGHUA), WhistleKind.EMERGENCY, urban);

        at(Duration.ofMinutes(30));
        actions.cancel(w3, new CancelWhistle("社区已自行协调解决"), fuzimiao);
        at(Duration.ofMinutes(60));
        actions.reportIn(w1, ReportIn.of(null, null, "已到场", List.of()), urbanHandler);
        at(Duration.ofMinutes(120));
        actions.reportIn(w1, ReportIn.of(null, "NOT_OUR_DUTY", "占道经营属城管职责", List.of()), marketHandler);
        at(Duration.ofHours(3));
        actions.recordOutcome(w1, RecordOutcome.of("RESOLVED", "已清理"), fuzimiao);
        at(Duration.ofDays(2));
        actions.reportIn(w2, ReportIn.of(null, null, "迟到报到", List.of()), urbanHandler);
        at(Duration.ofDays(2).plusHours(1));
        actions.recordOutcome(w2, RecordOutcome.of("UNRESOLVED", "住建未到场，违建未拆"), fuzimiao);

        JsonNode district = api.getJson("leader", "/api/whistles/stats?" + MARCH, 200);
        assertThat(district.get("from").asString()).isEqualTo("2027-03-01");
        assertThat(district.get("to").asString()).isEqualTo("2027-03-31");
        JsonNode fuzimiaoFigures = street(district, FUZIMIAO);
        assertThat(fuzimiaoFigures.get("commandCentre").asString()).contains("夫子庙");
        assertFigures(fuzimiaoFigures, Map.of("blown", 3, "open", 0, "closed", 2, "cancelled", 1, "resolved", 1,
                "partiallyResolved", 0, "unresolved", 1));
        assertThat(fuzimiaoFigures.get("byKind").get("ROUTINE").asLong()).isEqualTo(2);
        assertThat(fuzimiaoFigures.get("byKind").get("TOUGH").asLong()).isEqualTo(1);
        assertThat(fuzimiaoFigures.get("resolvedRate").asDouble()).isEqualTo(0.5);
        assertThat(fuzimiaoFigures.get("grade").asString()).isEqualTo("D");
        JsonNode honghuaFigures = street(district, HONGHUA);
        assertFigures(honghuaFigures, Map.of("blown", 1, "open", 1, "closed", 0));
        assertThat(honghuaFigures.has("resolvedRate")).isFalse();
        assertThat(district.get("streets").size()).isEqualTo(2);

        JsonNode urbanFigures = department(district, urban);
        assertFigures(urbanFigures, Map.of("summoned", 3, "due", 3, "reported", 2, "reportedOnTime", 1, "reportedLate", 1,
                "notReported", 1, "notOurDuty", 0));
        assertThat(urbanFigures.get("onTimeRate").asDouble()).isEqualTo(0.3333);
        assertThat(urbanFigures.get("reportRate").asDouble()).isEqualTo(0.6667);
        assertThat(urbanFigures.get("averageReportMinutes").asDouble()).isEqualTo((60 + 2 * 24 * 60) / 2.0);
        assertThat(urbanFigures.get("grade").asString()).isEqualTo("E");
        JsonNode marketFigures = department(district, market);
        assertFigures(marketFigures, Map.of("summoned", 1, "due", 1, "reported", 1, "reportedOnTime", 1, "notOurDuty", 1));
        assertThat(marketFigures.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(marketFigures.get("averageReportMinutes").asDouble()).isEqualTo(120.0);
        assertThat(marketFigures.get("grade").asString()).isEqualTo("A");
        JsonNode housingFigures = department(district, housing);
        assertFigures(housingFigures, Map.of("summoned", 1, "due", 1, "reported", 0, "notReported", 1));
        assertThat(housingFigures.get("onTimeRate").asDouble()).isZero();
        assertThat(housingFigures.has("averageReportMinutes")).isFalse();
        assertThat(district.get("departments").valueStream().map(d -> d.get("departmentId").asLong()))
                .containsExactlyInAnyOrder(urban, market, housing); // 交通 was released when W3 was withdrawn

        // the street sees its own side and the departments it summoned
        JsonNode street = api.getJson("dispatcher", "/api/whistles/stats?" + MARCH, 200);
        assertThat(street.get("streets").valueStream().map(s -> s.get("streetCode").asString())).containsExactly(FUZIMIAO);
        assertFigures(department(street, urban), Map.of("summoned", 2, "due", 2, "reported", 2, "reportedOnTime", 1, "notReported", 0));

        // a department sees only itself, over the whistles that summoned it
        JsonNode own = api.getJson("handler", "/api/whistles/stats?" + MARCH, 200);
        assertThat(own.get("departments").valueStream().map(d -> d.get("departmentId").asLong())).containsExactly(urban);
        assertFigures(street(own, FUZIMIAO), Map.of("blown", 3));

        // nothing outside the period
        JsonNode february = api.getJson("leader", "/api/whistles/stats?from=2027-02-01&to=2027-02-28", 200);
        assertThat(february.get("streets").size()).isZero();
        assertThat(february.get("departments").size()).isZero();
    }

    @Test
    void listsAndTheOverdueScanUseTheirIndexes() {
        Actor dispatcher = people.actorOf("dispatcher").orElseThrow();
        Actor handler = people.actorOf("handler").orElseThrow();
        Actor leader = people.actorOf("leader").orElseThrow();

        // the street and the district: by district code, then street prefix or time (the planner picks by the data)
        assertThat(plan(queries.listQuery(WhistleQueries.Filter.NONE, 0, 20, dispatcher)))
                .containsAnyOf("whistle_territory", "whistle_period").contains("Index Cond").doesNotContain("Seq Scan");
        assertThat(plan(queries.listQuery(WhistleQueries.Filter.NONE, 0, 20, leader)))
                .containsAnyOf("whistle_territory", "whistle_period").doesNotContain("Seq Scan");
        assertThat(plan(queries.listQuery(WhistleQueries.Filter.NONE, 0, 20, handler)))
                .contains("whistle_summons_department").doesNotContain("Seq Scan");
        assertThat(plan(queries.listQuery(new WhistleQueries.Filter(null, null, null, null, null, 42L), 0, 20, leader)))
                .doesNotContain("Seq Scan");
        assertThat(plan(new WhistleQueries.Sql(OverdueReminders.CLAIM,
                Map.of("now", Whistles.at(MONDAY_9), "batch", 100)))).contains("whistle_summons_overdue");
        assertThat(plan(new WhistleQueries.Sql("SELECT id FROM whistle WHERE order_id = :order AND status = 'OPEN'",
                Map.of("order", 1L)))).contains("whistle_open_per_order");
    }

    private long blow(Actor dispatcher, long order, WhistleKind kind, Long... departments) {
        return actions.blow(order, new BlowWhistle(kind, "联合整治", List.of(departments)), dispatcher).id();
    }

    private void at(Duration sinceMonday9) {
        clock.set(MONDAY_9.plus(sinceMonday9));
    }

    private static Actor departmentUser(long userId, long departmentId) {
        return new Actor(userId, "handler-" + departmentId, "部门处置人员", Set.of(Role.HANDLER), departmentId, "部门",
                new DataScope(false, Set.of(DISTRICT), Set.of(departmentId)), false);
    }

    private String plan(WhistleQueries.Sql sql) {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", new WhistleQueries.Sql("EXPLAIN " + sql.text(), sql.params()).bind(jdbc).query(String.class).list());
        });
    }

    private static JsonNode street(JsonNode stats, String code) {
        return stats.get("streets").valueStream().filter(s -> s.get("streetCode").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode department(JsonNode stats, long id) {
        return stats.get("departments").valueStream().filter(d -> d.get("departmentId").asLong() == id).findFirst().orElseThrow();
    }

    private static void assertFigures(JsonNode figures, Map<String, Integer> expected) {
        expected.forEach((name, value) -> assertThat(figures.get(name).asLong()).as(name).isEqualTo(value.longValue()));
    }
}
