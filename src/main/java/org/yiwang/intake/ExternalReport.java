package org.yiwang.intake;

import org.yiwang.catalog.Urgency;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A report as another system sends it, already read and checked field by field: what, where (a point,
 * a standard address, a unit grid, or only words), when it was received there, and the limit that
 * system set. Whether it can be located decides whether it becomes a work order now or waits for a
 * dispatcher.
 *
 * @param externalNo the report's number in its own system (工单编号, 案件编号), unique per channel
 * @param receivedAt when the other system received it (来电时间, 上报时间)
 * @param categoryCode a catalog code when the report named one, else null (the sorter or a dispatcher decides)
 * @param categoryText the type as the other system wrote it (诉求类型), kept for the record
 * @param lat latitude in {@code crs}, null when none was given
 * @param addressCode a standard-address code (地址编码) given by the sender, null when none
 * @param unitGridCode 单元网格码 of a 数字城管 case, null otherwise
 * @param componentId 部件标识码 of a 数字城管 component case, null otherwise
 * @param externalDueAt 办理时限 set by the other system, null when none
 * @param details further facts kept with the record (case source, attributes), never personal data
 */
public record ExternalReport(Channel channel, String externalNo, Instant receivedAt, String description,
                             String categoryCode, String categoryText, Urgency urgency, String reporterName,
                             String reporterPhone, String address, String addressCode, Double lat, Double lon, String crs,
                             String unitGridCode, String componentId, Instant externalDueAt, Map<String, String> details) {

    public static final int MAX_EXTERNAL_NO = 64;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ADDRESS = 300;

    public ExternalReport {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (externalNo == null || externalNo.isBlank() || externalNo.length() > MAX_EXTERNAL_NO) {
            throw new IllegalArgumentException("external number must be 1 to " + MAX_EXTERNAL_NO + " characters");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description is required");
        }
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("latitude and longitude come together");
        }
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public boolean hasPoint() {
        return lat != null;
    }
}
