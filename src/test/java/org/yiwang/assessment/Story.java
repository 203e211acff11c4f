package org.yiwang.assessment;

import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-made order's life as the journal carries it: each step a transition with the order's facts after
 * it (the stage now running and its due time), folded into an {@link OrderFact} as the follower does.
 */
final class Story {

    static final Instant START = Instant.parse("2026-11-02T01:00:00Z"); // Monday 2 November 2026, 09:00 in Nanjing
    static final String GRID = "320104002001001";
    private static long nextId = 1;

    final List<WorkOrderTransitioned> transitions = new ArrayList<>();
    final OrderFact fact;
    private final long id = nextId++;
    private final Source source;
    private final Long reporter;
    private WorkOrderStatus status = WorkOrderStatus.REPORTED;
    private Long unit;
    private Instant at = START;

    private Story(Source source, Long reporter) {
        this.source = source;
        this.reporter = reporter;
        WorkOrderTransitioned first = step(Action.REPORT, WorkOrderStatus.REPORTED, Stage.REGISTER, START.plus(Duration.ofHours(1)));
        this.fact = OrderFact.first(first, START);
        fact.apply(first, null);
    }

    static Story resident() {
        return new Story(Source.RESIDENT, 900L);
    }

    static Story hotline() {
        return new Story(Source.HOTLINE_12345, null);
    }

    static Story patrol(long worker) {
        return new Story(Source.GRID_PATROL, worker);
    }

    /** Time passes. */
    Story after(Duration d) {
        at = at.plus(d);
        return this;
    }

    Story register() {
        return apply(Action.REGISTER, WorkOrderStatus.REGISTERED, Stage.DISPATCH, at.plus(Duration.ofHours(1)));
    }

    /** Dispatched to {@code unit}, due to be handled in {@code limit}. */
    Story dispatch(long unit, Duration limit) {
        this.unit = unit;
        return apply(Action.DISPATCH, WorkOrderStatus.DISPATCHED, Stage.HANDLE, at.plus(limit));
    }

    Story accept() {
        return apply(Action.ACCEPT, WorkOrderStatus.ACCEPTED, Stage.HANDLE, dueNow());
    }

    Story returned() {
        unit = null;
        return apply(Action.RETURN, WorkOrderStatus.REGISTERED, Stage.DISPATCH, at.plus(Duration.ofHours(1)));
    }

    Story suspend() {
        return apply(Action.SUSPEND, status, Stage.HANDLE, dueNow());
    }

    /** Resumed after {@code paused}: the due time moves by it, as the order does. */
    Story resume(Duration paused) {
        return apply(Action.RESUME, status, Stage.HANDLE, dueNow().plus(paused));
    }

    Story extendBy(Duration more) {
        return apply(Action.APPROVE_EXTENSION, status, Stage.HANDLE, dueNow().plus(more));
    }

    /** Handled; verification due in {@code verifyLimit}. */
    Story handle(Duration verifyLimit) {
        return apply(Action.HANDLE, WorkOrderStatus.HANDLED, Stage.VERIFY, at.plus(verifyLimit));
    }

    Story rework(Duration limit) {
        return apply(Action.REWORK, WorkOrderStatus.DISPATCHED, Stage.HANDLE, at.plus(limit));
    }

    Story close() {
        return apply(Action.CLOSE, WorkOrderStatus.CLOSED, null, null);
    }

    Story closeOnSpot() {
        return apply(Action.CLOSE_ON_SPOT, WorkOrderStatus.CLOSED, null, null);
    }

    Story reopen(Duration limit) {
        return apply(Action.REOPEN, WorkOrderStatus.REGISTERED, Stage.DISPATCH, at.plus(limit));
    }

    Story voided() {
        return apply(Action.VOID, WorkOrderStatus.VOIDED, null, null);
    }

    Story merged() {
        return apply(Action.MERGE, WorkOrderStatus.VOIDED, null, null);
    }

    Story evaluate(Satisfaction satisfaction) {
        WorkOrderTransitioned t = step(Action.EVALUATE, WorkOrderStatus.EVALUATED, null, null);
        fact.apply(t, satisfaction);
        return this;
    }

    private Instant dueNow() {
        return transitions.getLast().stageDueAt();
    }

    private Story apply(Action action, WorkOrderStatus to, Stage stage, Instant due) {
        fact.apply(step(action, to, stage, due), null);
        return this;
    }

    private WorkOrderTransitioned step(Action action, WorkOrderStatus to, Stage stage, Instant due) {
        WorkOrderTransitioned t = new WorkOrderTransitioned(id, "WO-T-" + id, "320104", GRID, action, status, to, 1L, at, "C01002",
                Urgency.NORMAL, source, reporter, unit, null, List.of(), stage, stage == null ? null : at, due, false,
                false, 0);
        status = to;
        transitions.add(t);
        return t;
    }

    /** The sums of some orders, as the monthly sums hold them: [all, 12345 only]. */
    static Sums[] sums(Story... stories) {
        Sums all = Sums.empty();
        Sums hotline = Sums.empty();
        for (Story s : stories) {
            long[] flags = new long[Flag.values().length];
            for (Flag f : Flag.values()) {
                flags[f.ordinal()] = s.fact.get(f);
            }
            Sums one = new Sums(1, flags);
            all = all.plus(one);
            if (s.fact.hotline) {
                hotline = hotline.plus(one);
            }
        }
        return new Sums[]{all, hotline};
    }

    static Indicator.Figure figure(Indicator indicator, Story... stories) {
        Sums[] s = sums(stories);
        return indicator.of(s[0], s[1]);
    }
}
