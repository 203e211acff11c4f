package org.yiwang.enforcement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.fieldwork.FieldTaskDone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.workorder.WorkOrderTransitioned;

import java.util.List;
import java.util.Set;

/**
 * Brings the work a campaign spawned back to its record: a visit or check done by the grid worker in fieldwork
 * ({@link FieldTaskDone}), or a work order that ended (followed from the work-order journal). Either arrives once
 * or more; a task is marked done once.
 */
@Component
class CampaignWork implements JournalFollower {

    private final Campaigns campaigns;
    private final JdbcClient jdbc;

    CampaignWork(Campaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(FieldTaskDone done) {
        if (!done.sourceKey().startsWith(Campaigns.TASK_KEY)) {
            return;
        }
        long taskId = Long.parseLong(done.sourceKey().substring(Campaigns.TASK_KEY.length()));
        campaigns.markDone(taskId, done.doneAt(), done.doneBy(), done.doneByName(), done.note());
    }

    @Override
    public String name() {
        return "enforcement.campaign-orders";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(Action.CLOSE, Action.CLOSE_ON_SPOT, Action.VOID, Action.MERGE);
    }

    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        for (WorkOrderJournaled change : changes) {
            WorkOrderTransitioned last = change.last();
            if (!WorkOrderStatus.ENDED.contains(last.to())) {
                continue;
            }
            jdbc.sql("SELECT id FROM enforcement_campaign_task WHERE order_id = :o AND done_at IS NULL").param("o", last.orderId())
                    .query(Long.class).list()
                    .forEach(task -> campaigns.markDone(task, last.at(), last.actorUserId(), last.number(),
                            (last.to() == WorkOrderStatus.VOIDED ? "工单已作废 " : "工单已结案 ") + last.number()));
        }
    }
}
