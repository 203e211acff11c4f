package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A visit, check or work order a record spawned, due within the campaign's limit for its colour. A visit or check is
 * the grid worker's fieldwork task {@link #fieldTaskId}; an order is {@link #orderNumber}.
 */
public record CampaignTask(long id, long recordId, String campaignCode, String gridCode, Campaign.TaskKind kind, String subject,
                           String address, Colour colour, Instant dueAt, @Nullable Instant doneAt, @Nullable String doneByName,
                           @Nullable String note, @Nullable Long fieldTaskId, @Nullable Long orderId, @Nullable String orderNumber) {

    public boolean overdue(Instant now) {
        return doneAt == null ? now.isAfter(dueAt) : doneAt.isAfter(dueAt);
    }
}
