package org.yiwang.sla;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Urgency;
import org.yiwang.notify.Notifications;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one database: each "node" here is its own set of sweep and escalation
 * objects with its own transactions, as a second JVM would have, racing over the same clocks.
 */
@SlaSpringTest
class TwoNodesTests {

    @Autowired ApplicationContext context;
    @Autowired SlaSweep nodeOne;
    @Autowired Escalations escalationsOfNodeOne;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired TransactionTemplate transactions;

    SlaFixtures given;
    Escalations escalationsOfNodeTwo;
    SlaSweep nodeTwo;
    ExecutorService threads;

    @BeforeEach
    void secondNode() {
        given = new SlaFixtures(context);
        escalationsOfNodeTwo = new Escalations(given.clocks, context.getBean(StageClocks.class), context.getBean(Recipients.class),
                given.queries, given.actions, context.getBean(Notifications.class), context,
                context.getBean(MessageSource.class), context.getBean(SlaProperties.class), transactionManager, given.clock);
        nodeTwo = new SlaSweep(given.clocks, escalationsOfNodeTwo, context.getBean(SlaProperties.class), given.queries);
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void twoNodesSweepingTheSameOverdueClocksAtOnceEscalateEachStageOnce() throws Exception {
        List<Long> orders = new ArrayList<>();
        Instant latestDue = Instant.MIN;
        for (int i = 0; i < 8; i++) {
            long id = given.dispatchedToTheHandler(Urgency.URGENT);
            orders.add(id);
            StageClock clock = given.awaitInStep(id);
            latestDue = clock.dueAt().isAfter(latestDue) ? clock.dueAt() : latestDue;
        }
        Instant now = given.justAfter(latestDue);
        for (int round = 0; round < 3; round++) {
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
            if (round == 0) {
                assertThat(a.count(Escalations.Outcome.BREACHED) + b.count(Escalations.Outcome.BREACHED)).isGreaterThanOrEqualTo(orders.size());
            }
        }
        for (long id : orders) {
            assertThat(given.supervisions(id)).as("督办 of order %d", id).isEqualTo(1);
            assertThat(given.notices("dispatcher", "sla.notice.breached", id)).as("notices about order %d", id).isEqualTo(1);
            assertThat(given.history(id, ClockEntry.Kind.BREACHED)).isEqualTo(1);
            assertThat(given.awaitInStep(id).breachCount()).isEqualTo(1);
        }
    }

    @Test
    void aSecondNodeWaitsForTheFirstOnesClaimAndThenFindsItTaken() throws Exception {
        long id = given.dispatchedToTheHandler(Urgency.URGENT);
        StageClock candidate = given.awaitInStep(id);
        Instant now = given.justAfter(candidate.dueAt());

        // someone holds the order row, so that node one stops inside its transaction, its claim made
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(s -> {
            given.jdbc.sql("SELECT id FROM workorder_order WHERE id = :id FOR UPDATE").param("id", id).query().listOfRows();
            holding.countDown();
            awaitUninterruptibly(release);
        }));
        holding.await();
        Future<Escalations.Outcome> first = threads.submit(() -> escalationsOfNodeOne.breach(candidate, now));
        awaitWaitingOnALock("workorder_order");
        Future<Escalations.Outcome> second = threads.submit(() -> escalationsOfNodeTwo.breach(candidate, now));
        awaitWaitingOnALock("UPDATE sla_clock SET breached_at");
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(Escalations.Outcome.BREACHED);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(Escalations.Outcome.TAKEN);
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(given.notices("dispatcher", "sla.notice.breached", id)).isEqualTo(1);
    }

    @Test
    void whenTheFirstNodesEscalationFailsTheWaitingNodeTakesOver() throws Exception {
        long id = given.dispatchedToTheHandler(Urgency.URGENT);
        StageClock candidate = given.awaitInStep(id);
        Instant now = given.justAfter(candidate.dueAt());

        // the handler signs for the order at the same moment: node one's escalation meets a changed order and rolls back
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> handler = threads.submit(() -> transactions.executeWithoutResult(s -> {
            given.actions.perform(id, Action.ACCEPT, ActOnOrder.note("收到"), given.actor("handler"));
            accepted.countDown();
            awaitUninterruptibly(release);
        }));
        accepted.await();
        Future<Escalations.Outcome> first = threads.submit(() -> escalationsOfNodeOne.breach(candidate, now));
        awaitWaitingOnALock("workorder_order");
        Future<Escalations.Outcome> second = threads.submit(() -> escalationsOfNodeTwo.breach(candidate, now));
        awaitWaitingOnALock("UPDATE sla_clock SET breached_at");
        release.countDown();
        handler.get(30, TimeUnit.SECONDS);

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(Escalations.Outcome.FAILED);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(Escalations.Outcome.BREACHED);
        assertThat(given.supervisions(id)).isEqualTo(1);
        assertThat(given.notices("dispatcher", "sla.notice.breached", id)).isEqualTo(1);
        StageClock clock = given.awaitInStep(id);
        assertThat(clock.breachCount()).isEqualTo(1);
        assertThat(clock.status()).isEqualTo(org.yiwang.workorder.WorkOrderStatus.ACCEPTED);
    }

    @Test
    void onlyOneNodeRunsARoundAtATime() throws Exception {
        SlaScheduler schedulerOfNodeOne = new SlaScheduler(nodeOne, context.getBean(ClockAudit.class), given.jdbc, transactions, given.clock);
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> nodeTwoRound = threads.submit(() -> own.executeWithoutResult(s -> {
            given.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sla.sweep'))").query().listOfRows();
            locked.countDown();
            awaitUninterruptibly(release);
        }));
        locked.await();
        assertThat(schedulerOfNodeOne.runOnce()).isEmpty();
        release.countDown();
        nodeTwoRound.get(30, TimeUnit.SECONDS);
        assertThat(schedulerOfNodeOne.runOnce()).isPresent();
    }

    @Test
    void everyRoundIsTimedAndARoundLeftToAnotherNodeIsToldApart() throws Exception {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var registry = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        registry.addBean("meters", meters);
        SlaScheduler schedulerOfNodeOne = new SlaScheduler(nodeOne, context.getBean(ClockAudit.class), given.jdbc, transactions,
                given.clock, registry.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> nodeTwoRound = threads.submit(() -> own.executeWithoutResult(s -> {
            given.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('sla.sweep'))").query().listOfRows();
            locked.countDown();
            awaitUninterruptibly(release);
        }));
        locked.await();
        schedulerOfNodeOne.scan();
        release.countDown();
        nodeTwoRound.get(30, TimeUnit.SECONDS);
        schedulerOfNodeOne.scan();

        assertThat(meters.timer("yiwang.sla.sweep", "result", "skipped").count()).isEqualTo(1);
        assertThat(meters.timer("yiwang.sla.sweep", "result", "done").count()).isEqualTo(1);
        assertThat(meters.timer("yiwang.sla.sweep", "result", "failed").count()).isZero();
    }

    /** Waits until a statement containing {@code sql} waits for a row lock held by another transaction. */
    void awaitWaitingOnALock(String sql) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> given.jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE :sql""")
                .param("sql", "%" + sql + "%").query(Long.class).single() > 0);
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
