package org.yiwang.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrderStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status feed back to the hotline and 数字城管 (回访): every change of the reports they sent — received
 * but pending, each work-order transition with the handling unit and due time, discarded — in commit
 * order, read from a cursor. A row is only handed out once every older transaction has finished, so an
 * entry can never appear behind a cursor already given (see {@code V113__intake_feed.sql}).
 */
@Service
public class IntakeFeed {

    public static final int MAX_LIMIT = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,20})-(\\d{1,19})");

    private final JdbcClient jdbc;

    IntakeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries after {@code cursor} ({@code null}, blank or {@code 0} for the start) within the reader's scope. */
    public FeedPage since(String cursor, Channel channel, int limit, Actor reader) {
        if (!reader.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LocalizedException.badRequest("intake.error.limit", MAX_LIMIT);
        }
        String txid = "0";
        long id = 0;
        if (cursor != null && !cursor.isBlank() && !cursor.strip().equals("0")) {
            Matcher m = CURSOR.matcher(cursor.strip());
            if (!m.matches()) {
                throw LocalizedException.badRequest("intake.error.cursor", cursor);
            }
            txid = m.group(1);
            id = Long.parseLong(m.group(2));
        }
        String[] patterns = reader.scope().likePatterns();
        if (patterns.length == 0) {
            return new FeedPage(List.of(), cursor == null ? "0" : cursor, false);
        }
        List<FeedEntry> rows = jdbc.sql("""
                        SELECT txid::text AS txid, id, channel, external_no, kind, order_number, action, from_status, to_status,
                               agency, due_at, note, at
                        FROM intake_feed
                        WHERE (txid, id) > (cast(:txid AS xid8), :id)
                          AND txid < pg_snapshot_xmin(pg_current_snapshot())
                          AND (division_code IS NULL OR division_code LIKE ANY (:patterns))
                        """ + (channel == null ? "" : " AND channel = :channel ") + """
                        ORDER BY txid, id
                        LIMIT :limit""")
                .param("txid", txid).param("id", id).param("patterns", patterns)
                .param("channel", channel == null ? null : channel.name()).param("limit", limit + 1)
                .query((rs, n) -> {
                    String to = rs.getString("to_status");
                    String kind = rs.getString("kind");
                    boolean open = switch (kind) {
                        case "PENDING" -> true;
                        case "DISCARDED" -> false;
                        default -> to == null || WorkOrderStatus.valueOf(to).isOpen();
                    };
                    Timestamp due = rs.getTimestamp("due_at");
                    return new FeedEntry(rs.getString("txid") + "-" + rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                            rs.getString("external_no"), kind, rs.getString("order_number"), rs.getString("action"),
                            rs.getString("from_status"), to, open, rs.getString("agency"), due == null ? null : due.toInstant(),
                            rs.getString("note"), rs.getTimestamp("at").toInstant());
                })
                .list();
        boolean more = rows.size() > limit;
        List<FeedEntry> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        String next = page.isEmpty() ? (cursor == null || cursor.isBlank() ? "0" : cursor.strip()) : page.getLast().cursor();
        return new FeedPage(page, next, more);
    }

    /**
     * Appends an entry in the caller's transaction; an event seen twice ({@code eventKey}) is kept once.
     * {@code divisionCode} is the most precise division known (the grid of a located order), used for scope.
     */
    void append(String eventKey, Channel channel, String externalNo, Long recordId, String divisionCode, String kind,
                Long orderId, String orderNumber, String action, String from, String to, String agency, Instant dueAt,
                String note, Instant at) {
        jdbc.sql("""
                        INSERT INTO intake_feed (event_key, channel, external_no, record_id, division_code, kind, order_id, order_number,
                            action, from_status, to_status, agency, due_at, note, at)
                        VALUES (:key, :channel, :no, :record, :division, :kind, :order, :number, :action, :from, :to, :agency, :due, :note, :at)
                        ON CONFLICT (event_key) DO NOTHING""")
                .param("key", eventKey).param("channel", channel.name()).param("no", externalNo).param("record", recordId)
                .param("division", divisionCode).param("kind", kind).param("order", orderId).param("number", orderNumber)
                .param("action", action).param("from", from).param("to", to).param("agency", agency)
                .param("due", dueAt == null ? null : Timestamp.from(dueAt)).param("note", note == null ? null
                        : PersonalData.maskText(note.length() > 500 ? note.substring(0, 500) : note))
                .param("at", Timestamp.from(at))
                .update();
    }
}
