package org.yiwang.workorder;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where an order's handling stands: the facts only some states have — who is responsible, what they reported back,
 * whether it was verified, how it ended. Each record carries exactly the facts of its states ({@link #states}), so an
 * order without a unit has no co-handlers or dispute, a handled order has its handling time, a closed order its closing
 * time, a merged order its master.
 */
public sealed interface Handling {

    /** The states an order with this handling can be in. */
    Set<WorkOrderStatus> states();

    /** Whether this handling belongs to an order in {@code status}. */
    default boolean fits(WorkOrderStatus status) {
        return states().contains(status);
    }

    /** Who is (or was) responsible; null before dispatch, after a 退单 or reopening, and on voided orders. */
    default @Nullable Assignee assignee() {
        return switch (this) {
            case Unassigned u -> null;
            case WithUnit w -> w.unit();
            case Handled h -> h.unit();
            case Closed c -> c.unit();
            case Voided v -> null;
            case Merged m -> null;
        };
    }

    /** The unit's report (处置反馈); null until it handled the order, and again after 返工. */
    default @Nullable Feedback feedback() {
        return switch (this) {
            case Handled h -> h.report();
            case Closed c -> c.report();
            case Unassigned u -> null;
            case WithUnit w -> null;
            case Voided v -> null;
            case Merged m -> null;
        };
    }

    /** Whether the result was confirmed on site (核查通过): once approved, and on every closed order. */
    default boolean verified() {
        return switch (this) {
            case Handled h -> h.verified;
            case Closed c -> true;
            case Unassigned u -> false;
            case WithUnit w -> false;
            case Voided v -> false;
            case Merged m -> false;
        };
    }

    /** 上报, 立案 — nobody is responsible (yet, or again after a 退单 or a reopening). */
    record Unassigned() implements Handling {
        public Set<WorkOrderStatus> states() {
            return EnumSet.of(WorkOrderStatus.REPORTED, WorkOrderStatus.REGISTERED);
        }
    }

    /** 派遣, 签收 — with its unit; a unit may contest, and then the command centre rules on the {@code dispute}. */
    record WithUnit(Assignee unit, @Nullable Dispute dispute) implements Handling {
        public WithUnit {
            Objects.requireNonNull(unit, "unit");
        }

        public Set<WorkOrderStatus> states() {
            return WorkOrderStatus.WITH_UNIT;
        }

        WithUnit with(Assignee changed) {
            return new WithUnit(changed, dispute);
        }

        WithUnit disputed(@Nullable Dispute opened) {
            return new WithUnit(unit, opened);
        }
    }

    /** 处置反馈, 核查 — the unit reported back; the grid worker's check may have {@code verified} the result. */
    record Handled(Assignee unit, Feedback report, boolean verified) implements Handling {
        public Handled {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(report, "report");
        }

        public Set<WorkOrderStatus> states() {
            return EnumSet.of(WorkOrderStatus.HANDLED, WorkOrderStatus.VERIFYING);
        }
    }

    /** 已办结 — nothing more is to be done. */
    sealed interface Ended extends Handling permits Closed, Voided, Merged {
    }

    /**
     * 结案 (评价 once {@code satisfaction} is given) — verified and closed {@code at}; {@code onTime} when handled and
     * verified within their limits. The unit and its report are kept (null only on rows written without them).
     */
    record Closed(@Nullable Assignee unit, @Nullable Feedback report, Instant at, boolean onTime,
                  @Nullable Satisfaction satisfaction) implements Ended {
        public Closed {
            Objects.requireNonNull(at, "at");
        }

        public Set<WorkOrderStatus> states() {
            return satisfaction == null ? EnumSet.of(WorkOrderStatus.CLOSED) : EnumSet.of(WorkOrderStatus.EVALUATED);
        }

        Closed rated(Satisfaction rating) {
            return new Closed(unit, report, at, onTime, Objects.requireNonNull(rating, "rating"));
        }
    }

    /** 作废 — discarded. */
    record Voided() implements Ended {
        public Set<WorkOrderStatus> states() {
            return EnumSet.of(WorkOrderStatus.VOIDED);
        }
    }

    /** 合并 — a duplicate, voided to follow its master order. */
    record Merged(long masterOrderId) implements Ended {
        public Set<WorkOrderStatus> states() {
            return EnumSet.of(WorkOrderStatus.VOIDED);
        }
    }

    /** 处置反馈 — when the unit reported back, and whether within the handling limit. */
    record Feedback(Instant at, boolean onTime) {
        public Feedback {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Who is responsible: the lead unit (主办), a named person (a grid worker for grid-level matters, or the one who
     * fixed it on the spot) or both, at a routing level, with the co-handling units (协办) and when it was dispatched to
     * them (the lead's 退单 window starts then).
     */
    record Assignee(@Nullable Long orgUnitId, @Nullable Long userId, @Nullable String level, List<CoHandler> coHandlers,
                    @Nullable Instant dispatchedAt) {

        public Assignee {
            coHandlers = List.copyOf(coHandlers == null ? List.of() : coHandlers);
        }

        /** The co-handling units, in the order they were named. */
        public List<Long> assistOrgUnitIds() {
            return coHandlers.stream().map(CoHandler::orgUnitId).toList();
        }

        public Optional<CoHandler> coHandler(long unit) {
            return coHandlers.stream().filter(c -> c.orgUnitId() == unit).findFirst();
        }

        CoHandler coHandlerOf(long unit) {
            return coHandler(unit).orElseThrow(() -> LocalizedException.conflict("workorder.error.notCoHandler"));
        }

        /** The co-handler of {@code unit} while it works on its part: neither reported nor asking to be released. */
        CoHandler working(long unit) {
            CoHandler c = coHandlerOf(unit);
            if (c.reported()) {
                throw LocalizedException.conflict("workorder.error.assistReported");
            }
            if (c.returnRequest() != null) {
                throw LocalizedException.conflict("workorder.error.assistReturnPending");
            }
            return c;
        }

        /** The co-handler whose 退单 waits for an answer: that of {@code unit}, or the only one when null. */
        CoHandler pendingReturn(@Nullable Long unit) {
            List<CoHandler> pending = coHandlers.stream()
                    .filter(c -> c.returnRequest() != null && (unit == null || c.orgUnitId() == unit)).toList();
            if (pending.isEmpty()) {
                throw LocalizedException.conflict("workorder.error.noReturnPending");
            }
            if (pending.size() > 1) {
                throw LocalizedException.badRequest("workorder.error.returnUnitRequired");
            }
            return pending.getFirst();
        }

        /** Whether the lead is a unit with no named person: a unit's 退单 and dispute rules apply. */
        boolean unitLed() {
            return orgUnitId != null && userId == null;
        }

        /** The same assignee with the co-handler of {@code unit} changed. */
        Assignee withCoHandler(long unit, UnaryOperator<CoHandler> change) {
            List<CoHandler> list = new ArrayList<>(coHandlers);
            list.replaceAll(c -> c.orgUnitId() == unit ? change.apply(c) : c);
            return withCoHandlers(list);
        }

        Assignee withCoHandlers(List<CoHandler> list) {
            return new Assignee(orgUnitId, userId, level, list, dispatchedAt);
        }
    }
}
