package org.yiwang.intake.webhook;

import org.yiwang.workorder.Action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The event types a subscriber can choose: {@code order.<action>} for each work-order action
 * ({@code order.report}, {@code order.dispatch}, {@code order.close} …) or {@code order.*} for all,
 * {@code report.pending} / {@code report.discarded} for external reports waiting for or discarded by a
 * dispatcher ({@code report.*} for both), {@code ledger.checkpoint} for each signed checkpoint of the ledger, and
 * {@code ping}, sent on request.
 */
public final class EventTypes {

    public static final String PING = "ping";
    public static final String REPORT_PENDING = "report.pending";
    public static final String REPORT_DISCARDED = "report.discarded";
    /** A checkpoint (signed tree head) of the ledger, to keep outside Yiwang's database. */
    public static final String LEDGER_CHECKPOINT = "ledger.checkpoint";
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>();
        all.add("order.*");
        for (Action action : Action.values()) {
            all.add(of(action));
        }
        all.add("report.*");
        all.add(REPORT_PENDING);
        all.add(REPORT_DISCARDED);
        all.add(LEDGER_CHECKPOINT);
        all.add(PING);
        ALL = Collections.unmodifiableList(all);
    }

    private EventTypes() {
    }

    public static String of(Action action) {
        return "order." + action.pathSegment();
    }
}
