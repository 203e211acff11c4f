package org.yiwang.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Urgency;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code intake_record} rows: one per channel and external number. */
@Component
class IntakeRecords {

    static final String CREATED = "CREATED";
    static final String PENDING = "PENDING";
    static final String DISCARDED = "DISCARDED";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, channel, external_no, status, order_id, order_number, district_code, grid_code, located_by, address_code,
            received_at, external_due_at, description, address, category_code, category_text, urgency, reporter_name,
            reporter_phone, lat, lon, crs, unit_grid_code, component_id, details::text AS details, import_id, import_line,
            created_at, created_by, resolved_at, resolved_by, discard_reason""";

    private final JdbcClient jdbc;

    IntakeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored; the report fields are kept only while the report is pending. */
    record Row(long id, Channel channel, String externalNo, String status, Long orderId, String orderNumber, String districtCode,
               String gridCode, LocatedBy locatedBy, String addressCode, Instant receivedAt, Instant externalDueAt,
               String description, String address, String categoryCode, String categoryText, Urgency urgency,
               String reporterName, String reporterPhone, Double lat, Double lon, String crs, String unitGridCode,
               String componentId, Map<String, String> details, Long importId, Long importLine, Instant createdAt,
               long createdBy, Instant resolvedAt, Long resolvedBy, String discardReason) {

        ExternalReport report() {
            return new ExternalReport(channel, externalNo, receivedAt, description, categoryCode, categoryText, urgency,
                    reporterName, reporterPhone, address, addressCode, lat, lon, crs, unitGridCode, componentId, externalDueAt, details);
        }

        Receipt receipt(Receipt.Outcome outcome) {
            return new Receipt(outcome, id, channel, externalNo, orderId, orderNumber, locatedBy, addressCode);
        }
    }

    Optional<Row> find(Channel channel, String externalNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE channel = :channel AND external_no = :no")
                .param("channel", channel.name()).param("no", externalNo).query(IntakeRecords::map).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE id = :id").param("id", id).query(IntakeRecords::map).optional();
    }

    /** Locks the row for a dispatcher's decision (two dispatchers cannot both locate it). */
    Optional<Row> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE id = :id FOR UPDATE").param("id", id)
                .query(IntakeRecords::map).optional();
    }

    /** The rows already received for some numbers of a channel, by number: one query for a chunk of a file. */
    Map<String, Row> existing(Channel channel, Collection<String> numbers) {
        Map<String, Row> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE channel = :channel AND external_no = ANY (:numbers)")
                .param("channel", channel.name()).param("numbers", numbers.toArray(String[]::new))
                .query(IntakeRecords::map).list().forEach(r -> found.put(r.externalNo(), r));
        return found;
    }

    /** The intake record of an order, if it came in through this module. */
    Optional<Row> byOrder(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE order_id = :order").param("order", orderId)
                .query(IntakeRecords::map).optional();
    }

    /** A report that became an order at once; personal data stays with the order only. */
    long insertCreated(ExternalReport r, long orderId, String orderNumber, String district, String grid, LocatedBy locatedBy,
                       String addressCode, long actorId, Long importId, long line, Instant now) {
        return jdbc.sql("""
                        INSERT INTO intake_record (channel, external_no, status, order_id, order_number, district_code, grid_code,
                            located_by, address_code, received_at, external_due_at, category_code, category_text, urgency,
                            unit_grid_code, component_id, details, import_id, import_line, created_at, created_by, resolved_at, resolved_by)
                        VALUES (:channel, :no, 'CREATED', :order, :number, :district, :grid, :locatedBy, :addressCode, :received, :due,
                            :category, :categoryText, :urgency, :unitGrid, :component, cast(:details AS jsonb), :import, :line, :now, :actor,
                            :now, :actor)
                        RETURNING id""")
                .param("channel", r.channel().name()).param("no", r.externalNo()).param("order", orderId)
                .param("number", orderNumber).param("district", district).param("grid", grid)
                .param("locatedBy", locatedBy.name()).param("addressCode", addressCode)
                .param("received", Timestamp.from(r.receivedAt())).param("due", ts(r.externalDueAt()))
                .param("category", r.categoryCode()).param("categoryText", r.categoryText()).param("urgency", r.urgency().name())
                .param("unitGrid", r.unitGridCode()).param("component", r.componentId())
                .param("details", JSON.writeValueAsString(r.details())).param("import", importId).param("line", line)
                .param("now", Timestamp.from(now)).param("actor", actorId)
                .query(Long.class).single();
    }

    /** A report that could not be located: it keeps everything needed to create the order later. */
    long insertPending(ExternalReport r, String districtHint, long actorId, Long importId, long line, Instant now) {
        return jdbc.sql("""
                        INSERT INTO intake_record (channel, external_no, status, district_code, address_code, received_at, external_due_at,
                            description, address, category_code, category_text, urgency, reporter_name, reporter_phone, lat, lon, crs,
                            unit_grid_code, component_id, details, import_id, import_line, created_at, created_by)
                        VALUES (:channel, :no, 'PENDING', :district, :addressCode, :received, :due, :description, :address, :category,
                            :categoryText, :urgency, :name, :phone, :lat, :lon, :crs, :unitGrid, :component, cast(:details AS jsonb),
                            :import, :line, :now, :actor)
                        RETURNING id""")
                .param("channel", r.channel().name()).param("no", r.externalNo()).param("district", districtHint)
                .param("addressCode", r.addressCode())
                .param("received", Timestamp.from(r.receivedAt())).param("due", ts(r.externalDueAt()))
                .param("description", r.description()).param("address", r.address())
                .param("category", r.categoryCode()).param("categoryText", r.categoryText()).param("urgency", r.urgency().name())
                .param("name", r.reporterName()).param("phone", r.reporterPhone()).param("lat", r.lat()).param("lon", r.lon())
                .param("crs", r.crs()).param("unitGrid", r.unitGridCode()).param("component", r.componentId())
                .param("details", JSON.writeValueAsString(r.details())).param("import", importId).param("line", line)
                .param("now", Timestamp.from(now)).param("actor", actorId)
                .query(Long.class).single();
    }

    /** The pending report became an order; its copy of the report (and the personal data) is dropped. */
    void markCreated(long id, long orderId, String orderNumber, String district, String grid, LocatedBy locatedBy,
                     String addressCode, long actorId, Instant now) {
        jdbc.sql("""
                        UPDATE intake_record SET status = 'CREATED', order_id = :order, order_number = :number, district_code = :district,
                            grid_code = :grid, located_by = :locatedBy, address_code = coalesce(:addressCode, address_code),
                            description = NULL, address = NULL, reporter_name = NULL, reporter_phone = NULL,
                            resolved_at = :now, resolved_by = :actor
                        WHERE id = :id""")
                .param("id", id).param("order", orderId).param("number", orderNumber).param("district", district).param("grid", grid)
                .param("locatedBy", locatedBy.name()).param("addressCode", addressCode)
                .param("now", Timestamp.from(now)).param("actor", actorId).update();
    }

    void markDiscarded(long id, String reason, long actorId, Instant now) {
        jdbc.sql("""
                        UPDATE intake_record SET status = 'DISCARDED', discard_reason = :reason, reporter_name = NULL, reporter_phone = NULL,
                            resolved_at = :now, resolved_by = :actor
                        WHERE id = :id""")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).param("actor", actorId).update();
    }

    /** Pending reports the reader may see (their district hint in scope, or none), oldest first. */
    List<Row> pending(String[] scopePatterns, Channel channel, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM intake_record WHERE status = 'PENDING'"
                        + " AND (district_code IS NULL OR district_code LIKE ANY (:patterns))"
                        + (channel == null ? "" : " AND channel = :channel")
                        + " ORDER BY received_at, id LIMIT :size OFFSET :offset")
                .param("patterns", scopePatterns).param("channel", channel == null ? null : channel.name())
                .param("size", size).param("offset", (long) page * size)
                .query(IntakeRecords::map).list();
    }

    long countPending(String[] scopePatterns, Channel channel) {
        return jdbc.sql("SELECT count(*) FROM intake_record WHERE status = 'PENDING'"
                        + " AND (district_code IS NULL OR district_code LIKE ANY (:patterns))"
                        + (channel == null ? "" : " AND channel = :channel"))
                .param("patterns", scopePatterns).param("channel", channel == null ? null : channel.name())
                .query(Long.class).single();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Row map(ResultSet rs, int row) throws SQLException {
        String locatedBy = rs.getString("located_by");
        return new Row(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("external_no"), rs.getString("status"),
                nullableLong(rs, "order_id"), rs.getString("order_number"), rs.getString("district_code"), rs.getString("grid_code"),
                locatedBy == null ? null : LocatedBy.valueOf(locatedBy), rs.getString("address_code"),
                instant(rs, "received_at"), instant(rs, "external_due_at"), rs.getString("description"), rs.getString("address"),
                rs.getString("category_code"), rs.getString("category_text"), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("reporter_name"), rs.getString("reporter_phone"), nullableDouble(rs, "lat"), nullableDouble(rs, "lon"),
                rs.getString("crs"), rs.getString("unit_grid_code"), rs.getString("component_id"),
                JSON.readValue(rs.getString("details"), STRINGS), nullableLong(rs, "import_id"), nullableLong(rs, "import_line"),
                instant(rs, "created_at"), rs.getLong("created_by"), instant(rs, "resolved_at"), nullableLong(rs, "resolved_by"),
                rs.getString("discard_reason"));
    }
}
