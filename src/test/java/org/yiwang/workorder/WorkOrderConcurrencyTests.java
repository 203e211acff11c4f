package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two people acting at once: one wins, the other is told, nothing is lost or doubled. */
@WorkOrderSpringTest
class WorkOrderConcurrencyTests {

    @Autowired Intake intake;
    @Autowired WorkOrderActions actions;
    @Autowired WorkOrderQueries queries;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired JdbcClient jdbc;
    @Autowired org.yiwang.dispatch.Router router;
    @Autowired org.yiwang.catalog.Catalog catalog;

    Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    ReportProblem report(String key) {
        long gridWorker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(gridWorker).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        return new ReportProblem("共享单车乱停放堵塞人行道", null, p.getY(), p.getX(), "wgs84", null, Source.RESIDENT, null, null, null, List.of(), key);
    }

    <T> List<Future<T>> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        return results;
    }

    @Test
    void twoDispatchersFilingTheSameReportAtOnceDoNotLoseAnUpdate() throws Exception {
        long id = intake.report(report(null), actor("resident")).order().id();
        Actor dispatcher = actor("dispatcher");
        int versionBefore = queries.get(id, dispatcher).version();
        List<Future<WorkOrder>> attempts = race(2, () -> actions.perform(id, Action.REGISTER,
                new ActOnOrder("", List.of(), "M09015", null, null, List.of(), null, null, null, null), dispatcher));
        int won = 0;
        int refused = 0;
        for (Future<WorkOrder> attempt : attempts) {
            try {
                attempt.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(OptimisticLockingFailureException.class, IllegalTransitionException.class);
                refused++;
            }
        }
        assertThat(won).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
        long registrations = jdbc.sql("select count(*) from workorder_transition where order_id = :id and action = 'REGISTER'")
                .param("id", id).query(Long.class).single();
        assertThat(registrations).isEqualTo(1);
        assertThat(queries.get(id, dispatcher).version()).isEqualTo(versionBefore + 1);
    }

    @Test
    void aStaleVersionIsRefusedWithAConflict() {
        long id = intake.report(report(null), actor("resident")).order().id();
        Actor dispatcher = actor("dispatcher");
        actions.perform(id, Action.SUPERVISE, ActOnOrder.note("请尽快立案"), dispatcher);
        ActOnOrder stale = new ActOnOrder("作废", List.of(), null, null, null, List.of(), null, null, null, 0);
        try {
            actions.perform(id, Action.VOID, stale, dispatcher);
            throw new AssertionError("a stale version was accepted");
        } catch (LocalizedException e) {
            assertThat(e.status().value()).isEqualTo(409);
        }
        assertThat(queries.get(id, dispatcher).status()).isEqualTo(WorkOrderStatus.REPORTED);
    }

    @Test
    void theSameIdempotencyKeySentEightTimesAtOnceCreatesOneOrder() throws Exception {
        Actor resident = actor("resident");
        List<Future<IntakeResult>> results = race(8, () -> intake.report(report("burst-1"), resident));
        List<Long> ids = new ArrayList<>();
        for (Future<IntakeResult> result : results) {
            ids.add(result.get().order().id());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(jdbc.sql("select count(*) from workorder_order where idempotency_key = 'burst-1'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDepartmentSeesOnlyTheOrdersAssignedToIt() {
        Actor handler = actor("handler");
        long id = intake.report(report(null), actor("resident")).order().id();
        assertThat(queries.list(OrderFilter.NONE, 0, 200, handler).content()).extracting(WorkOrder::id).doesNotContain(id);
        try {
            queries.get(id, handler);
            throw new AssertionError("the handler saw an order that is not theirs");
        } catch (LocalizedException e) {
            assertThat(e.status().value()).isEqualTo(404);
        }
        Actor dispatcher = actor("dispatcher");
        // a category whose duty list names the handler's department here: a dispatcher may send it there
        WorkOrder reported = queries.get(id, dispatcher);
        String category = catalog.categories().stream().filter(org.yiwang.catalog.Category::enabled).map(org.yiwang.catalog.Category::code)
                .filter(c -> router.candidateUnits(new org.yiwang.dispatch.RouteRequest(c, reported.gridCode(), reported.communityCode(),
                        reported.streetCode(), reported.districtCode())).contains(handler.orgUnitId()))
                .findFirst().orElseThrow();
        actions.perform(id, Action.REGISTER, new ActOnOrder("", List.of(), category, null, null, List.of(), null, null, null, null), dispatcher);
        actions.perform(id, Action.DISPATCH, new ActOnOrder("城管局处置", List.of(), null, null, handler.orgUnitId(), List.of(), null, null, null, null), dispatcher);
        assertThat(queries.list(OrderFilter.NONE, 0, 200, handler).content()).extracting(WorkOrder::id).contains(id);
        assertThat(queries.list(OrderFilter.NONE, 0, 200, handler).content())
                .allSatisfy(o -> assertThat(o.assigneeOrgUnitId()).isEqualTo(handler.orgUnitId()));
    }
}
