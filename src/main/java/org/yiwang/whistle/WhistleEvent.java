package org.yiwang.whistle;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a whistle, published in the transaction that made the change; listeners in other
 * modules get it from the durable outbox (and may get it twice). Each carries ids and the few facts
 * its listeners need.
 */
public sealed interface WhistleEvent {

    long whistleId();

    String number();

    long orderId();

    String orderNumber();

    String districtCode();

    String streetCode();

    /** When it happened. */
    Instant at();

    /** A street blew the whistle: the departments must report in by {@code dueAt}. */
    record WhistleBlown(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                        String streetCode, WhistleKind kind, String reason, List<Long> departmentIds, Instant dueAt,
                        long actorUserId, String actorName, Instant at) implements WhistleEvent {

        public WhistleBlown {
            departmentIds = List.copyOf(departmentIds);
        }
    }

    /**
     * A summoned department answered: reported in ({@code ARRIVED}) or declared it not its duty.
     *
     * @param blownByUserId the dispatcher who blew the whistle
     */
    record DepartmentReportedIn(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                                String streetCode, long departmentId, String departmentName, Summons.State response,
                                boolean late, long blownByUserId, long actorUserId, Instant at) implements WhistleEvent {
    }

    /** A summoned department had not reported in when its limit passed; sent once per department. */
    record DepartmentOverdue(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                             String streetCode, long departmentId, String departmentName, Instant dueAt,
                             long blownByUserId, Instant at) implements WhistleEvent {
    }

    /** The street recorded the outcome and closed the whistle. */
    record WhistleClosed(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                         String streetCode, Outcome outcome, List<Long> answeredDepartmentIds,
                         List<Long> missedDepartmentIds, long actorUserId, Instant at) implements WhistleEvent {

        public WhistleClosed {
            answeredDepartmentIds = List.copyOf(answeredDepartmentIds);
            missedDepartmentIds = List.copyOf(missedDepartmentIds);
        }
    }

    /** The whistle was withdrawn; the departments that had not answered yet need not come. */
    record WhistleCancelled(long whistleId, String number, long orderId, String orderNumber, String districtCode,
                            String streetCode, String reason, List<Long> releasedDepartmentIds, long actorUserId,
                            Instant at) implements WhistleEvent {

        public WhistleCancelled {
            releasedDepartmentIds = List.copyOf(releasedDepartmentIds);
        }
    }
}
