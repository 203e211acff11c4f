package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** One registered person or site of a campaign, with its colour and why. Phone stored as given, shown masked. */
public record CampaignRecord(long id, String campaignCode, String streetCode, String communityCode, String gridCode, String subject,
                             @Nullable String phone, String address, @Nullable String origin, @Nullable String route,
                             @Nullable LocalDate arrivedOn, @Nullable String symptom, @Nullable String hazard, Colour colour,
                             @Nullable String reason, String registeredName, Instant registeredAt, int openTasks, int doneTasks) {
}
