package org.yiwang.workorder;

import org.yiwang.catalog.Urgency;

import java.util.List;

/**
 * 上报 — the intake command, as any channel sends it. Coordinates may be WGS-84, GCJ-02 or BD-09;
 * {@code categoryCode} may be empty (a dispatcher or the sorter will categorise); {@code photoIds}
 * refer to photos stored before; {@code externalDueAt} is the 办理时限 another system (12345, 数字城管) set
 * for the whole order — null when none — and no stage of the order is due later than it.
 */
public record ReportProblem(String description, String categoryCode, Double lat, Double lon, String crs, String address,
                            Source source, Urgency urgency, String reporterName, String reporterPhone, List<String> photoIds,
                            String idempotencyKey, java.time.@org.jspecify.annotations.Nullable Instant externalDueAt) {

    public static final int MAX_DESCRIPTION = 4000;
    /** The columns' sizes ({@code reporter_name VARCHAR(100)}, {@code reporter_phone VARCHAR(30)}). */
    public static final int MAX_REPORTER_NAME = 100;
    public static final int MAX_REPORTER_PHONE = 30;

    public ReportProblem {
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
    }

    /** A report without a time limit of its own. */
    public ReportProblem(String description, String categoryCode, Double lat, Double lon, String crs, String address,
                         Source source, Urgency urgency, String reporterName, String reporterPhone, List<String> photoIds,
                         String idempotencyKey) {
        this(description, categoryCode, lat, lon, crs, address, source, urgency, reporterName, reporterPhone, photoIds,
                idempotencyKey, null);
    }
}
