package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A visit or check a record spawned, due within the campaign's limit for its colour. */
public record CampaignTask(long id, long recordId, String campaignCode, String gridCode, Campaign.TaskKind kind, String subject,
                           String address, Colour colour, Instant dueAt, @Nullable Instant doneAt, @Nullable String doneByName,
                           @Nullable String note) {

    public boolean overdue(Instant now) {
        return doneAt == null ? now.isAfter(dueAt) : doneAt.isAfter(dueAt);
    }
}
