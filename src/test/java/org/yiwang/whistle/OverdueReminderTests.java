package org.yiwang.whistle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerEntry;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.Organization;
import org.yiwang.platform.DataScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.whistle.WhistleApi.FUZIMIAO;

/** The overdue reminder: once per department that has not reported in by the limit, also when two nodes scan at once. */
@WhistleSpringTest
class OverdueReminderTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired UserDetailsService users;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired TestClock clock;
    @Autowired OverdueReminders reminders;

    @Test
    void eachLateDepartmentIsRemindedOnceEvenWhenTwoScansRace() throws Exception {
        clock.set(Instant.parse("2026-12-07T01:00:00Z")); // Monday 09:00
        WhistleApi api = new WhistleApi(mvc, json, users, grids, locator, organization, jdbc);
        long urban = api.department(DepartmentType.URBAN_MANAGEMENT);
        long market = api.department(DepartmentType.MARKET_REGULATION);
        long housing = api.department(DepartmentType.HOUSING_CONSTRUCTION);

        List<JsonNode> whistles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            whistles.add(api.blow("dispatcher", api.orderIn(FUZIMIAO), "EMERGENCY", List.of(urban, market, housing), 201));
        }
        long answered = whistles.getFirst().get("id").asLong();
        api.postJson("handler", "/api/whistles/" + answered + "/report-in", Map.of("note", "已到场"), 200);

        reminders.remindOverdue(clock.instant().plus(Duration.ofMinutes(29))); // within the limit: none of these
        Long[] ids = whistles.stream().map(w -> w.get("id").asLong()).toArray(Long[]::new);
        assertThat(jdbc.sql("SELECT count(*) FROM whistle_summons WHERE whistle_id = ANY (:ids) AND reminded_at IS NOT NULL")
                .param("ids", ids).query(Long.class).single()).isZero();
        clock.advance(Duration.ofMinutes(31));
        Instant scanAt = clock.instant();

        CyclicBarrier start = new CyclicBarrier(2);
        List<Integer> counts = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                scans.add(nodes.submit(() -> {
                    start.await();
                    return reminders.remindOverdue(scanAt);
                }));
            }
            for (Future<Integer> scan : scans) {
                counts.add(scan.get());
            }
        }

        long remindedNow = jdbc.sql("SELECT count(*) FROM whistle_summons WHERE reminded_at = :at")
                .param("at", Whistles.at(scanAt)).query(Long.class).single();
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) remindedNow);
        assertThat(remindedNow).isGreaterThanOrEqualTo(4 * 3 - 1);
        assertThat(reminders.remindOverdue(scanAt.plus(Duration.ofHours(1)))).isZero();

        ledger.seal();
        for (JsonNode whistle : whistles) {
            long id = whistle.get("id").asLong();
            List<String> kinds = ledger.entriesOf("whistle", whistle.get("number").asString(), DataScope.division(FUZIMIAO), 0, 100)
                    .stream().map(LedgerEntry::kind).filter("OVERDUE_REMINDED"::equals).toList();
            assertThat(kinds).hasSize(id == answered ? 2 : 3);
            JsonNode detail = api.getJson("dispatcher", "/api/whistles/" + id, 200);
            assertThat(WhistleApi.departmentOf(detail, urban).has("remindedAt")).isEqualTo(id != answered);
            assertThat(WhistleApi.departmentOf(detail, market).get("remindedAt").asString()).isNotBlank();
            api.awaitNotices("dispatcher", "whistle.notice.overdue", id, id == answered ? 2 : 3); // one per late department
        }
        api.awaitNotice("handler", "whistle.notice.overdue", whistles.getLast().get("id").asLong());
        assertThat(api.notices("handler", "whistle.notice.overdue", answered)).isZero();

        // a department that then reports in is late; it is not reminded again
        long last = whistles.getLast().get("id").asLong();
        JsonNode late = api.postJson("handler", "/api/whistles/" + last + "/report-in", Map.of("note", "迟到"), 200);
        assertThat(WhistleApi.departmentOf(late, urban).get("late").asBoolean()).isTrue();
        assertThat(reminders.remindOverdue(scanAt.plus(Duration.ofDays(1)))).isZero();
    }
}
