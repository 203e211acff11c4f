package org.yiwang.open311.georeport;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PersonalData;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The requests as GeoReport v2 shows them, read from the public read model: internal states map to
 * {@code open}/{@code closed} with {@code status_notes} saying where the matter stands; the due time of
 * the running stage is {@code expected_datetime}; the unit handling it is {@code agency_responsible}.
 */
@Component
public class Requests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT r.*, s.media_url, coalesce(s.address_id, NULL) AS address_id, s.attributes::text AS attributes,
                   (SELECT m.number FROM open311_request m WHERE m.order_id = r.master_order_id) AS master_number
            FROM open311_request r LEFT JOIN open311_submission s ON s.order_id = r.order_id
            """;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ServiceDirectory services;
    private final WorkOrderQueries orders;
    private final MessageSource messages;

    Requests(JdbcClient jdbc, Catalog catalog, ServiceDirectory services, WorkOrderQueries orders, MessageSource messages) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.services = services;
        this.orders = orders;
        this.messages = messages;
    }

    public List<GeoReportJson.ServiceRequest> list(RequestQuery q, Locale locale) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        where.add("r.listed");
        if (!q.jurisdictionPrefix().isEmpty()) {
            where.add("r.district_code LIKE :jurisdiction");
            params.put("jurisdiction", q.jurisdictionPrefix() + "%");
        }
        if (!q.ids().isEmpty()) {
            where.add("r.number = ANY (:ids)");
            params.put("ids", q.ids().toArray(String[]::new));
        } else {
            where.add("r.requested_at >= :start AND r.requested_at <= :end");
            params.put("start", Timestamp.from(q.start()));
            params.put("end", Timestamp.from(q.end()));
            if (!q.serviceCodes().isEmpty()) {
                where.add("r.service_code = ANY (:services)");
                params.put("services", q.serviceCodes().toArray(String[]::new));
            }
            if (q.statuses().size() == 1) {
                where.add((q.statuses().contains("open") ? "" : "NOT ") + "(" + WorkOrderStatus.openSql("r.status") + ")");
            }
            if (q.updatedAfter() != null) {
                where.add("r.updated_at > :updatedAfter");
                params.put("updatedAfter", Timestamp.from(q.updatedAfter()));
            }
            if (q.bbox() != null) {
                where.add("point(r.lon, r.lat) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
                params.put("minLon", q.bbox()[0]);
                params.put("minLat", q.bbox()[1]);
                params.put("maxLon", q.bbox()[2]);
                params.put("maxLat", q.bbox()[3]);
            }
        }
        JdbcClient.StatementSpec spec = jdbc.sql(SELECT + " WHERE " + String.join(" AND ", where)
                + " ORDER BY r.requested_at DESC, r.order_id DESC LIMIT :limit OFFSET :offset");
        params.forEach(spec::param);
        return spec.param("limit", q.pageSize()).param("offset", (long) (q.page() - 1) * q.pageSize())
                .query((rs, n) -> request(rs, locale)).list();
    }

    /**
     * One request by its id, as a one-item list; listed requests and those that came in through Open311
     * (a client can always follow its own). With {@code extensions} the update history ({@code notes})
     * and the attributes sent are added.
     */
    public Optional<GeoReportJson.ServiceRequest> one(String id, String jurisdictionPrefix, boolean extensions, Locale locale) {
        return jdbc.sql(SELECT + " WHERE r.number = :id AND (r.listed OR r.source = 'OPEN311') AND r.district_code LIKE :jurisdiction")
                .param("id", id).param("jurisdiction", jurisdictionPrefix + "%")
                .query((rs, n) -> {
                    GeoReportJson.ServiceRequest request = request(rs, locale);
                    return extensions ? request.extended(attributes(rs.getString("attributes")), notes(rs.getLong("order_id"), locale))
                            : request;
                })
                .optional();
    }

    private GeoReportJson.ServiceRequest request(ResultSet rs, Locale locale) throws SQLException {
        WorkOrderStatus status = WorkOrderStatus.valueOf(rs.getString("status"));
        String serviceCode = rs.getString("service_code");
        Optional<Category> category = serviceCode == null ? Optional.empty() : catalog.find(serviceCode);
        Timestamp expected = rs.getTimestamp("expected_at");
        return new GeoReportJson.ServiceRequest(rs.getString("number"), status.isOpen() ? "open" : "closed",
                statusNotes(status, rs.getBoolean("suspended"), rs.getString("agency"), rs.getString("master_number"), locale),
                category.map(c -> services.name(c, locale)).orElse(null), serviceCode, rs.getString("description"),
                rs.getString("agency"), null, Dates.format(rs.getTimestamp("requested_at").toInstant()),
                Dates.format(rs.getTimestamp("updated_at").toInstant()), expected == null ? null : Dates.format(expected.toInstant()),
                rs.getString("address"), rs.getString("address_id"), null, rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getString("media_url"), null, null);
    }

    String statusNotes(WorkOrderStatus status, boolean suspended, String agency, String master, Locale locale) {
        String unit = agency != null ? agency : messages.getMessage("open311.status.someUnit", null, "the responsible unit", locale);
        String key = status == WorkOrderStatus.VOIDED && master != null ? "open311.status.MERGED" : "open311.status." + status.name();
        String text = messages.getMessage(key, new Object[]{unit, master}, key, locale);
        return suspended && status.isOpen() ? text + messages.getMessage("open311.status.suspended", null, " (suspended)", locale) : text;
    }

    private List<GeoReportJson.RequestAttribute> attributes(String json) {
        List<GeoReportJson.RequestAttribute> list = new ArrayList<>();
        if (json == null) {
            return list;
        }
        JSON.readValue(json, MAP).forEach((code, value) -> {
            list.add(new GeoReportJson.RequestAttribute(code,
                    value instanceof List<?> values ? String.join(",", values.stream().map(String::valueOf).toList()) : String.valueOf(value)));
        });
        return list;
    }

    /** The order's history, oldest first: when, what, the open/closed status after it, and the (masked) note. */
    private List<GeoReportJson.Note> notes(long orderId, Locale locale) {
        List<GeoReportJson.Note> notes = new ArrayList<>();
        for (Transition t : orders.detail(orderId, Actor.system()).history()) {
            String action = messages.getMessage("open311.action." + t.action().name(), null, t.action().name(), locale);
            String text = t.note() == null || t.note().isBlank() ? action : action + (ServiceDirectory.english(locale) ? ": " : "：") + org.yiwang.workorder.SystemNotes.localize(PersonalData.maskText(t.note()), messages, locale);
            notes.add(new GeoReportJson.Note(Dates.format(t.at()), t.action().pathSegment(), t.to().isOpen() ? "open" : "closed",
                    t.to().name(), text));
        }
        return notes;
    }
}
