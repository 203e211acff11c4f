package org.yiwang.assessment;

import org.jspecify.annotations.Nullable;
import org.yiwang.catalog.Stage;
import org.yiwang.platform.ChinaTime;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The facts of one order as the formulas see them, folded from its transitions: the month it was reported
 * in, where it lies, the unit that handles it, the grid worker who reported it, and the {@link Flag}s. A
 * transition older than the newest one applied is ignored, so late and repeated changes do no harm.
 */
final class OrderFact {

    /** What the monthly sums are kept by. */
    record Key(LocalDate month, String districtCode, String gridCode, long unitId, long workerId, boolean hotline) {
    }

    final long orderId;
    final String number;
    final LocalDate month;
    final boolean hotline;
    final long workerId;
    String districtCode;
    String gridCode;
    long unitId;
    final int[] flags;
    @Nullable Instant handleDueAt;
    @Nullable Instant verifyDueAt;
    Instant asOf;

    OrderFact(long orderId, String number, LocalDate month, String districtCode, String gridCode, long unitId, long workerId,
              boolean hotline, int[] flags, @Nullable Instant handleDueAt, @Nullable Instant verifyDueAt, Instant asOf) {
        this.orderId = orderId;
        this.number = number;
        this.month = month;
        this.districtCode = districtCode;
        this.gridCode = gridCode;
        this.unitId = unitId;
        this.workerId = workerId;
        this.hotline = hotline;
        this.flags = flags.clone();
        this.handleDueAt = handleDueAt;
        this.verifyDueAt = verifyDueAt;
        this.asOf = asOf;
    }

    /** A new fact for an order first seen with {@code t}, reported at {@code reportedAt}. */
    static OrderFact first(WorkOrderTransitioned t, Instant reportedAt) {
        long worker = t.source() == Source.GRID_PATROL && t.reporterUserId() != null ? t.reporterUserId() : 0;
        return new OrderFact(t.orderId(), t.number(), monthOf(reportedAt), t.districtCode(),
                t.gridCode() == null ? t.districtCode() : t.gridCode(), 0, worker, t.source() == Source.HOTLINE_12345,
                new int[Flag.values().length], null, null, Instant.MIN);
    }

    /** The first day of the month (China Standard Time) of an instant. */
    static LocalDate monthOf(Instant at) {
        return LocalDate.ofInstant(at, ChinaTime.ZONE).withDayOfMonth(1);
    }

    OrderFact copy() {
        return new OrderFact(orderId, number, month, districtCode, gridCode, unitId, workerId, hotline, flags, handleDueAt,
                verifyDueAt, asOf);
    }

    Key key() {
        return new Key(month, districtCode, gridCode, unitId, workerId, hotline);
    }

    int get(Flag flag) {
        return flags[flag.ordinal()];
    }

    private void set(Flag flag, boolean value) {
        flags[flag.ordinal()] = value ? 1 : 0;
    }

    /** Whether the flags and the key are the same as another's (then the sums do not change). */
    boolean countsAs(OrderFact other) {
        return key().equals(other.key()) && Arrays.equals(flags, other.flags);
    }

    /** Whether every column is the same as another's (then its row needs no write). */
    boolean sameAs(OrderFact other) {
        return orderId == other.orderId && number.equals(other.number) && countsAs(other)
                && Objects.equals(handleDueAt, other.handleDueAt) && Objects.equals(verifyDueAt, other.verifyDueAt)
                && asOf.equals(other.asOf);
    }

    /**
     * Applies one transition. {@code satisfaction} is the order's rating, read only for 评价 (the transition
     * does not carry it).
     */
    void apply(WorkOrderTransitioned t, @Nullable Satisfaction satisfaction) {
        if (t.at().isBefore(asOf)) {
            return;
        }
        asOf = t.at();
        districtCode = t.districtCode();
        if (t.gridCode() != null) {
            gridCode = t.gridCode();
        }
        if (t.assigneeOrgUnitId() != null) {
            unitId = t.assigneeOrgUnitId();
        }
        // the transition carries the order after the whole change: a HANDLE transition already shows the verify stage
        if (t.stage() == Stage.HANDLE && t.stageDueAt() != null) {
            handleDueAt = t.stageDueAt();
        }
        if (t.stage() == Stage.VERIFY && t.stageDueAt() != null) {
            verifyDueAt = t.stageDueAt();
        }
        switch (t.action()) {
            case REGISTER -> set(Flag.REGISTERED, true);
            case DISPATCH -> {
                set(Flag.REGISTERED, true);
                set(Flag.DISPATCHED, true);
            }
            case VOID -> set(Flag.VOIDED, true);
            case MERGE -> {
                set(Flag.VOIDED, true);
                set(Flag.MERGED, true);
                set(Flag.REGISTERED, false);
            }
            case RETURN -> set(Flag.RETURNED, true);
            case ACCEPT -> set(Flag.RESPONDED, true);
            case HANDLE -> {
                set(Flag.HANDLED, true);
                set(Flag.RESPONDED, true);
                set(Flag.HANDLED_ON_TIME, handleDueAt == null || !t.at().isAfter(handleDueAt));
            }
            case REWORK -> set(Flag.REWORKED, true);
            case APPROVE_EXTENSION -> set(Flag.EXTENDED, true);
            case CLOSE -> {
                set(Flag.CLOSED, true);
                set(Flag.CLOSED_ON_TIME, get(Flag.HANDLED_ON_TIME) == 1 && (verifyDueAt == null || !t.at().isAfter(verifyDueAt)));
            }
            case CLOSE_ON_SPOT -> {
                set(Flag.REGISTERED, true);
                set(Flag.RESPONDED, true);
                set(Flag.HANDLED, true);
                set(Flag.HANDLED_ON_TIME, true);
                set(Flag.CLOSED, true);
                set(Flag.CLOSED_ON_TIME, true);
            }
            case REOPEN -> {
                set(Flag.REOPENED, true);
                set(Flag.CLOSED, false);
                set(Flag.CLOSED_ON_TIME, false);
                set(Flag.EVALUATED, false);
                set(Flag.SATISFIED, false);
            }
            case EVALUATE -> {
                set(Flag.EVALUATED, true);
                set(Flag.SATISFIED, satisfaction == Satisfaction.SATISFIED || satisfaction == Satisfaction.BASICALLY_SATISFIED);
            }
            default -> {
                // 上报, 申请/驳回延时, 挂账/解除挂账 (the due time moves, read above), 督办, 请求核查, 核查通过: no flag
            }
        }
        set(Flag.ACTIVE, get(Flag.REGISTERED) == 1 && get(Flag.VOIDED) == 0);
    }
}
