package org.yiwang.workorder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The work-order journal and its followers: every follower applies every change once, after it committed,
 * in batches; a transaction that commits after a younger one is not skipped; a change a follower cannot apply
 * is parked without holding up the others and applied when it is tried again.
 */
@WorkOrderSpringTest
class JournalTests {

    static final List<String> FOLLOWERS = List.of("sla.stage-clocks", "workorder.notices", "open311.requests",
            "intake.order-changes", "sorter.order-watch", "analytics.handling-due", "whistle.voided-orders");

    @Autowired Intake intake;
    @Autowired WorkOrderActions actions;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;
    @Autowired Journal journal;
    @Autowired JournalTail tail;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    JournalTail testTail;

    @AfterEach
    void stopTestTail() {
        if (testTail != null) {
            testTail.stop();
            jdbc.sql("DELETE FROM workorder_journal_cursor WHERE follower LIKE 'test.%'").update();
            jdbc.sql("DELETE FROM workorder_journal_parked WHERE follower LIKE 'test.%'").update();
        }
    }

    Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    WorkOrder report(String description) {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        return intake.report(new ReportProblem(description, "C01006", p.getY(), p.getX(), "wgs84", null, Source.RESIDENT,
                null, null, null, List.of(), null), actor("resident")).order();
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void everyFollowerAppliesAnIntakeOnceAfterItCommitted() {
        WorkOrder order = report("窨井盖缺失，行人容易踩空");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        await().atMost(20, TimeUnit.SECONDS).until(() -> FOLLOWERS.stream().allMatch(f -> tail.behind(f) == 0));

        assertThat(count("SELECT count(*) FROM workorder_journal WHERE order_id = :id", order.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sla_clock WHERE order_id = :id", order.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM open311_request WHERE order_id = :id", order.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM analytics_handling_due WHERE order_id = :id", order.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notify_inbox WHERE link = '/work-orders/' || :id AND template_key = 'workorder.notice.DISPATCH'",
                order.id())).isPositive();
        assertThat(count("SELECT count(*) FROM notify_inbox WHERE link = '/work-orders/' || :id AND template_key = 'workorder.notice.REPORT_NEEDS_CATEGORY'",
                order.id())).as("filed and dispatched at once: nothing for the street's dispatchers to file").isZero();
        long notices = count("SELECT count(*) FROM notify_inbox WHERE link = '/work-orders/' || :id", order.id());

        // the same change once more (as after a parked change is retried): nothing is doubled
        jdbc.sql("INSERT INTO workorder_journal (order_id, change) SELECT order_id, change FROM workorder_journal WHERE order_id = :id")
                .param("id", order.id()).update();
        tail.wake();
        await().atMost(20, TimeUnit.SECONDS).until(() -> FOLLOWERS.stream().allMatch(f -> tail.behind(f) == 0));
        assertThat(count("SELECT count(*) FROM notify_inbox WHERE link = '/work-orders/' || :id", order.id())).isEqualTo(notices);
        assertThat(count("SELECT count(*) FROM sla_clock WHERE order_id = :id", order.id())).isEqualTo(1);
    }

    @Test
    void aReportThatWaitsForFilingTellsTheStreetsDispatchers() {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        WorkOrder order = intake.report(new ReportProblem("这里有个情况想反映一下", null, p.getY(), p.getX(), "wgs84", null, Source.RESIDENT,
                null, null, null, List.of(), null), actor("resident")).order();
        assertThat(order.status()).isEqualTo(WorkOrderStatus.REPORTED);
        long dispatcher = people.findByUsername("dispatcher").orElseThrow().id();
        await().atMost(20, TimeUnit.SECONDS).until(() -> count("SELECT count(*) FROM notify_inbox WHERE user_id = " + dispatcher
                + " AND link = '/work-orders/' || :id AND template_key = 'workorder.notice.REPORT_NEEDS_CATEGORY'", order.id()) == 1);
    }

    @Test
    void aTransactionThatCommitsAfterAYoungerOneIsNotSkipped() throws Exception {
        WorkOrder order = report("路灯不亮，晚上很黑");
        String change = jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id").param("id", order.id()).query(String.class).single();
        Journal.Place before = journal.end();
        try (Connection older = dataSource.getConnection(); Connection younger = dataSource.getConnection()) {
            older.setAutoCommit(false);
            younger.setAutoCommit(false);
            long olderTx = insert(older, order.id(), change);
            long youngerTx = insert(younger, order.id(), change);
            assertThat(olderTx).isLessThan(youngerTx);
            younger.commit();
            assertThat(journal.after(before, 10)).as("nothing while an older transaction may still write").isEmpty();
            older.commit();
            // other transactions that were running meanwhile (followers at work) must finish too
            await().atMost(10, TimeUnit.SECONDS).until(() -> journal.after(before, 10).size() == 2);
            List<Journal.Entry> entries = journal.after(before, 10);
            assertThat(entries).extracting(e -> Long.parseLong(e.place().tx())).containsExactly(olderTx, youngerTx);
        }
        tail.wake();
    }

    @Test
    void placesAreOrderedByTransactionNumberNotByItsText() {
        WorkOrder order = report("消防通道被杂物堵塞");
        String change = jdbc.sql("SELECT change FROM workorder_journal WHERE order_id = :id").param("id", order.id()).query(String.class).single();
        // rows of long-finished transactions 9 and 10 ('10' < '9' as text), behind every follower already
        for (String tx : List.of("10", "9")) {
            jdbc.sql("INSERT INTO workorder_journal (tx, order_id, change) OVERRIDING SYSTEM VALUE VALUES (CAST(:tx AS xid8), :id, :change)")
                    .param("tx", tx).param("id", order.id()).param("change", change).update();
        }
        List<Journal.Entry> first = journal.after(Journal.Place.START, 2);
        assertThat(first).extracting(e -> e.place().tx()).containsExactly("9", "10");
        assertThat(journal.after(first.getFirst().place(), 1)).extracting(e -> e.place().tx()).containsExactly("10");
        assertThat(Long.parseLong(journal.end().tx())).isGreaterThan(10);
        jdbc.sql("DELETE FROM workorder_journal WHERE tx IN ('9', '10')").update();
    }

    private static long insert(Connection connection, long orderId, String change) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO workorder_journal (order_id, change) VALUES (?, ?) RETURNING tx::text")) {
            insert.setLong(1, orderId);
            insert.setString(2, change);
            try (var rs = insert.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        }
    }

    @Test
    void aChangeThatCannotBeAppliedIsParkedWithoutHoldingUpTheOthersAndAppliedLater() {
        Set<Long> broken = ConcurrentHashMap.newKeySet();
        List<Long> seen = new CopyOnWriteArrayList<>();
        JournalFollower flaky = new JournalFollower() {
            @Override
            public String name() {
                return "test.flaky";
            }

            @Override
            public void apply(List<WorkOrderJournaled> changes) {
                for (WorkOrderJournaled change : changes) {
                    if (broken.contains(change.orderId())) {
                        throw new IllegalStateException("cannot apply order " + change.orderId());
                    }
                }
                changes.forEach(change -> seen.add(change.orderId()));
            }
        };
        WorkOrder bad = report("噪音扰民，深夜施工");
        broken.add(bad.id());
        WorkOrder good = report("道路积水，车辆无法通行");
        Clock later = Clock.offset(clock, Duration.ofMinutes(2));
        testTail = new JournalTail(journal, () -> List.of(flaky), transactions, later, 50, Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofDays(1), true);
        testTail.start();

        await().atMost(20, TimeUnit.SECONDS).until(() -> testTail.behind("test.flaky") == 0);
        assertThat(seen).contains(good.id()).doesNotContain(bad.id());
        List<String> parked = jdbc.sql("SELECT error FROM workorder_journal_parked WHERE follower = 'test.flaky'").query(String.class).list();
        assertThat(parked).singleElement().asString().contains("cannot apply order " + bad.id());

        testTail.retryParked();
        assertThat(parked()).as("still failing: stays parked, one more attempt counted").isEqualTo(1);
        assertThat(jdbc.sql("SELECT attempts FROM workorder_journal_parked WHERE follower = 'test.flaky'").query(Integer.class).single()).isEqualTo(2);

        broken.clear();
        testTail.retryParked();
        assertThat(parked()).isZero();
        assertThat(seen).contains(bad.id());
    }

    @Test
    void aFollowerOfSomeActionsIsHandedOnlyThoseChangesIsNotWokenByOthersAndStillMovesPastThem() {
        List<Long> voided = new CopyOnWriteArrayList<>();
        List<Long> all = new CopyOnWriteArrayList<>();
        JournalFollower voids = new JournalFollower() {
            @Override
            public String name() {
                return "test.voids";
            }

            @Override
            public Set<Action> actions() {
                return Set.of(Action.VOID);
            }

            @Override
            public void apply(List<WorkOrderJournaled> changes) {
                changes.forEach(change -> voided.add(change.orderId()));
            }
        };
        JournalFollower everything = new JournalFollower() {
            @Override
            public String name() {
                return "test.everything";
            }

            @Override
            public void apply(List<WorkOrderJournaled> changes) {
                changes.forEach(change -> all.add(change.orderId()));
            }
        };
        // polling once an hour: between the first round and the end of the test only wakes move a follower (the
        // application's own tail is woken by OrderJournal with the actions of each committed change; this one is
        // woken here the same way)
        testTail = new JournalTail(journal, () -> List.of(voids, everything), transactions, clock, 50, Duration.ofHours(1),
                Duration.ofMillis(20), Duration.ofDays(1), true);
        testTail.start();
        await().atMost(20, TimeUnit.SECONDS).until(() -> testTail.behind("test.voids") == 0 && testTail.behind("test.everything") == 0);
        // what the journal held before (other tests' and the demo data's changes, voids among them) is not this test's
        voided.clear();
        all.clear();

        WorkOrder kept = report("路灯不亮，晚上很黑");
        testTail.wakeAfterCommit(List.of(Action.REPORT));
        await().atMost(20, TimeUnit.SECONDS).until(() -> all.contains(kept.id()));
        assertThat(testTail.behind("test.voids")).as("an intake does not wake a follower of voids").isPositive();

        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        Point p = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow().geometry().getInteriorPoint();
        WorkOrder discarded = intake.report(new ReportProblem("这里有个情况想反映一下", null, p.getY(), p.getX(), "wgs84", null,
                Source.RESIDENT, null, null, null, List.of(), null), actor("resident")).order();
        WorkOrder current = actions.perform(discarded.id(), Action.VOID, ActOnOrder.note("重复上报"), actor("dispatcher"));
        assertThat(current.status()).isEqualTo(WorkOrderStatus.VOIDED);
        testTail.wakeAfterCommit(List.of(Action.VOID));
        await().atMost(20, TimeUnit.SECONDS).until(() -> testTail.behind("test.voids") == 0);
        assertThat(voided).as("only the change with a void, not the intakes").containsExactly(discarded.id());
        assertThat(all).contains(kept.id(), discarded.id());
    }

    @Test
    void aFollowersRoundCommitsWithoutWaitingForTheDiskAndTheIntakeStillWaits() {
        List<String> seen = new CopyOnWriteArrayList<>();
        JournalFollower settings = new JournalFollower() {
            @Override
            public String name() {
                return "test.commit-settings";
            }

            @Override
            public void apply(List<WorkOrderJournaled> changes) {
                seen.add(jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single());
            }
        };
        testTail = new JournalTail(journal, () -> List.of(settings), transactions, clock, 50, Duration.ofMillis(100),
                Duration.ofMillis(20), Duration.ofDays(1), true);
        testTail.start();
        report("井盖缺失，有安全隐患");
        await().atMost(20, TimeUnit.SECONDS).until(() -> testTail.behind("test.commit-settings") == 0 && !seen.isEmpty());

        assertThat(seen).containsOnly("off");
        String outside = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status ->
                jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single());
        assertThat(outside).as("only the follower's own transaction").isEqualTo("on");
    }

    long parked() {
        return jdbc.sql("SELECT count(*) FROM workorder_journal_parked WHERE follower = 'test.flaky'").query(Long.class).single();
    }

    @Test
    void rowsEveryFollowerAppliedAreForgottenAfterTheRetention() {
        WorkOrder order = report("垃圾满溢无人清运");
        // every follower, also those that follow only some actions and pass other changes at the poll interval
        await().atMost(20, TimeUnit.SECONDS).until(() -> tail.status().followers().stream().allMatch(f -> f.behind() == 0));
        assertThat(journal.forget(clock.instant().minus(Duration.ofHours(1)))).as("too young to forget").isZero();
        journal.forget(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(count("SELECT count(*) FROM workorder_journal WHERE order_id = :id", order.id())).isZero();
    }

    @Test
    void administratorsSeeHowFarEachFollowerIsBehindAndOthersMayNot() throws Exception {
        report("树枝折断挂在电线上");
        await().atMost(20, TimeUnit.SECONDS).until(() -> FOLLOWERS.stream().allMatch(f -> tail.behind(f) == 0));
        mvc.perform(get("/api/journal").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followers[*].name").value(org.hamcrest.Matchers.hasItems(FOLLOWERS.toArray())))
                .andExpect(jsonPath("$.followers[*].name").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("analytics.live-map"))))
                .andExpect(jsonPath("$.followers[0].behind").value(0))
                .andExpect(jsonPath("$.parked").value(0));
        mvc.perform(get("/api/journal").with(user(users.loadUserByUsername("dispatcher"))))
                .andExpect(status().isForbidden());
    }
}
