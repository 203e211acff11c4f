package org.yiwang.platform;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The platform's zone, China Standard Time, and the few ways screens and exports write a time in it:
 * defined once here, so that no module spells the zone or a pattern of its own.
 */
public final class ChinaTime {

    /** The zone's id, for annotations that take a constant ({@code @Scheduled(zone = ChinaTime.ZONE_ID)}). */
    public static final String ZONE_ID = "Asia/Shanghai";

    /** Asia/Shanghai: every clock, calendar day and shown time of the platform. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    /** {@code 2026-05-04 09:30}: lists and admin screens. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** {@code 2026-05-04 09:30:15}: logs and journals shown to staff. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    /** {@code 20260504}: the day part of order numbers. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZONE);

    private ChinaTime() {
    }
}
