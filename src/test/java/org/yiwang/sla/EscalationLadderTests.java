package org.yiwang.sla;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.yiwang.catalog.Urgency;
import org.yiwang.notify.Notifications;
import org.yiwang.people.Organization;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.platform.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The escalation ladder (督办升级): red tells the handling unit's lead and the street's duty leader; still
 * red {@code yiwang.sla.ladder.second-rung-after} past the due time, the district command centre and the
 * district leader — each rung once, however many nodes sweep.
 */
@SlaSpringTest
class EscalationLadderTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired ApplicationContext context;
    @Autowired SlaSweep nodeOne;
    @Autowired SlaProperties properties;
    @Autowired UserAdministration users;
    @Autowired Organization organization;
    @Autowired PlatformTransactionManager transactionManager;

    SlaFixtures given;
    String unitLead;
    String streetLeader;
    String districtDispatcher;
    ExecutorService threads;

    @BeforeEach
    void ladderPeople() {
        given = new SlaFixtures(context);
        int n = SERIAL.incrementAndGet() + (int) (System.nanoTime() % 100_000);
        long handlerUnit = given.people.findByUsername("handler").orElseThrow().orgUnitId();
        long street = organization.officeOf(given.grid.street().code()).orElseThrow().id();
        long district = organization.officeOf(given.grid.district().code()).orElseThrow().id();
        unitLead = create("unit-lead-" + n, "城管局负责人", handlerUnit, Role.LEADER);
        streetLeader = create("street-leader-" + n, "街道值班领导", street, Role.LEADER);
        districtDispatcher = create("district-centre-" + n, "区指挥中心值班员", district, Role.DISPATCHER);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void leave() {
        threads.shutdownNow();
        // the users stay enabled only for this test: the next one makes its own
        for (String username : List.of(unitLead, streetLeader, districtDispatcher)) {
            users.disable(given.actor("admin"), given.userId(username));
        }
    }

    private String create(String username, String name, long orgUnit, Role role) {
        users.create(given.actor("admin"), new CreateUser(username, name, "Ladder-Test-2026!", null, null, orgUnit, Set.of(role), false));
        return username;
    }

    @Test
    void redTellsTheUnitsLeadAndTheStreetsDutyLeaderAndStillRedGoesUpToTheDistrictOnce() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        Duration after = properties.ladder().secondRungAfter();

        // first rung
        nodeOne.run(given.justAfter(clock.dueAt()));
        assertThat(given.notices(unitLead, "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices(streetLeader, "sla.notice.breached.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices(districtDispatcher, "sla.", id)).isZero();
        assertThat(given.notices("leader", "sla.", id)).isZero();
        assertThat(given.supervisions(id)).isEqualTo(1);

        // still red, but not long enough
        given.awaitInStep(id);
        given.clock.moveTo(clock.dueAt().plus(after).minusSeconds(60));
        nodeOne.run(given.clock.instant());
        assertThat(given.notices(districtDispatcher, "sla.", id)).isZero();
        assertThat(given.supervisions(id)).isEqualTo(1);

        // second rung, once
        Instant late = given.justAfter(clock.dueAt().plus(after));
        nodeOne.run(late);
        nodeOne.run(late.plusSeconds(30));
        given.awaitInStep(id);
        nodeOne.run(late.plus(Duration.ofHours(3)));
        assertThat(given.notices(districtDispatcher, "sla.notice.escalated.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices("leader", "sla.notice.escalated.HANDLE", id)).isEqualTo(1);
        assertThat(given.notices(unitLead, "sla.notice.escalated", id)).isZero();
        assertThat(given.supervisions(id)).isEqualTo(2);
        assertThat(given.history(id, ClockEntry.Kind.ESCALATED)).isEqualTo(1);
        assertThat(given.jdbc.sql("SELECT note FROM workorder_transition WHERE order_id = :id AND action = 'SUPERVISE' ORDER BY id")
                .param("id", id).query(String.class).list()).last().asString().contains("二级督办");
        String number = given.order(id).number();
        await().atMost(Duration.ofSeconds(20)).until(() -> given.jdbc.sql("""
                        SELECT (SELECT count(*) FROM ledger_entry WHERE subject_id = :n AND canonical LIKE '%SUPERVISE%')
                             + (SELECT count(*) FROM ledger_pending WHERE subject_id = :n AND canonical LIKE '%SUPERVISE%')""")
                .param("n", number).query(Long.class).single() == 2);
    }

    @Test
    void aStageThatIsHandledAfterTheFirstRungNeverReachesTheSecond() {
        long id = given.dispatchedToTheHandler(Urgency.NORMAL);
        StageClock clock = given.awaitInStep(id);
        nodeOne.run(given.justAfter(clock.dueAt()));
        given.awaitInStep(id);
        given.act(id, "handler", org.yiwang.workorder.Action.ACCEPT, "收到，马上去");
        given.act(id, "handler", org.yiwang.workorder.Action.HANDLE, "已补装井盖");
        given.awaitInStep(id);

        nodeOne.run(given.justAfter(clock.dueAt().plus(properties.ladder().secondRungAfter())));
        assertThat(given.notices(districtDispatcher, "sla.notice.escalated.HANDLE", id)).isZero();
        assertThat(given.history(id, ClockEntry.Kind.ESCALATED)).isZero();
    }

    @Test
    void twoNodesSweepingAtOnceTakeEachRungOfEveryOrderOnce() throws Exception {
        Escalations escalationsOfNodeTwo = new Escalations(given.clocks, context.getBean(StageClocks.class),
                context.getBean(Recipients.class), given.queries, given.actions, context.getBean(Notifications.class), context,
                context.getBean(MessageSource.class), properties, transactionManager, given.clock);
        SlaSweep nodeTwo = new SlaSweep(given.clocks, escalationsOfNodeTwo, properties, given.queries);
        List<Long> orders = new ArrayList<>();
        Instant latestDue = Instant.MIN;
        for (int i = 0; i < 6; i++) {
            long id = given.dispatchedToTheHandler(Urgency.URGENT);
            orders.add(id);
            StageClock clock = given.awaitInStep(id);
            latestDue = clock.dueAt().isAfter(latestDue) ? clock.dueAt() : latestDue;
        }
        race(nodeTwo, given.justAfter(latestDue));
        for (long id : orders) {
            given.awaitInStep(id);
        }
        Instant secondRung = given.justAfter(latestDue.plus(properties.ladder().secondRungAfter()));
        for (int round = 0; round < 3; round++) {
            race(nodeTwo, secondRung.plusSeconds(round));
        }
        for (long id : orders) {
            assertThat(given.supervisions(id)).as("督办 of order %d", id).isEqualTo(2);
            assertThat(given.notices(unitLead, "sla.notice.breached", id)).isEqualTo(1);
            assertThat(given.notices(districtDispatcher, "sla.notice.escalated", id)).isEqualTo(1);
            assertThat(given.notices("leader", "sla.notice.escalated", id)).isEqualTo(1);
            assertThat(given.history(id, ClockEntry.Kind.ESCALATED)).isEqualTo(1);
        }
    }

    private void race(SlaSweep nodeTwo, Instant now) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<SlaSweep.Round> one = threads.submit(() -> {
            start.await();
            return nodeOne.run(now);
        });
        Future<SlaSweep.Round> two = threads.submit(() -> {
            start.await();
            return nodeTwo.run(now);
        });
        SlaSweep.Round a = one.get(60, TimeUnit.SECONDS);
        SlaSweep.Round b = two.get(60, TimeUnit.SECONDS);
        assertThat(a.count(Escalations.Outcome.FAILED) + b.count(Escalations.Outcome.FAILED)).isZero();
    }
}
