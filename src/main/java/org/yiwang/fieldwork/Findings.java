package org.yiwang.fieldwork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 民情日志 — findings of a patrol. A finding to report becomes a work order through the one intake (source
 * 网格巡查); a small matter dealt with there and then is reported closed on the spot (即发即处). Either way the
 * order keeps the whole record; the log keeps the finding and the order's number.
 */
@Service
public class Findings {

    private final JdbcClient jdbc;
    private final Patrols patrols;
    private final Intake intake;
    private final Clock clock;

    Findings(JdbcClient jdbc, Patrols patrols, Intake intake, Clock clock) {
        this.jdbc = jdbc;
        this.patrols = patrols;
        this.intake = intake;
        this.clock = clock;
    }

    /** Records the finding on the worker's own patrol; the same request id answers the first finding. */
    public Finding record(long patrolId, RecordFinding command, Actor actor) {
        Patrol patrol = patrols.get(patrolId, actor);
        Optional<Finding> earlier = byRequest(actor.userId(), command.requestId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Long orderId = null;
        String orderNumber = null;
        if (command.outcome() != FindingOutcome.LOGGED) {
            ReportProblem report = new ReportProblem(command.text(), command.categoryCode(), command.lat(), command.lon(), null, null,
                    Source.GRID_PATROL, null, null, null, command.photoIds(), "finding:" + command.requestId());
            IntakeResult result = command.outcome() == FindingOutcome.REPORTED ? intake.report(report, actor)
                    : intake.reportClosedOnSpot(report, command.note(), actor);
            orderId = result.order().id();
            orderNumber = result.order().number();
        }
        jdbc.sql("""
                        insert into fieldwork_finding (patrol_id, user_id, district_code, request_id, at, text, lat, lon, photo_ids,
                                                       outcome, order_id, order_number)
                        values (:patrol, :user, :district, :request, :at, :text, :lat, :lon, cast(:photos as text[]), :outcome, :order, :number)
                        on conflict (user_id, request_id) do nothing""")
                .param("patrol", patrol.id()).param("user", actor.userId()).param("district", patrol.districtCode())
                .param("request", command.requestId()).param("at", Timestamp.from(clock.instant()))
                .param("text", command.text().strip()).param("lat", command.lat()).param("lon", command.lon())
                .param("photos", command.photoIds().toArray(String[]::new)).param("outcome", command.outcome().name())
                .param("order", orderId).param("number", orderNumber)
                .update();
        return byRequest(actor.userId(), command.requestId()).orElseThrow();
    }

    /** The findings of one of the worker's own patrols, in the order they were made. */
    public List<Finding> ofPatrol(long patrolId, Actor actor) {
        Patrol patrol = patrols.get(patrolId, actor);
        return jdbc.sql("select * from fieldwork_finding where patrol_id = :patrol order by at, id")
                .param("patrol", patrol.id()).query(Findings::finding).list();
    }

    /**
     * One of the worker's own findings, from any of their patrols.
     *
     * @throws org.yiwang.platform.LocalizedException 404 for a finding that is not the actor's
     */
    public Finding get(long findingId, Actor actor) {
        return jdbc.sql("select * from fieldwork_finding where id = :id and user_id = :user")
                .param("id", findingId).param("user", actor.userId()).query(Findings::finding).optional()
                .orElseThrow(() -> org.yiwang.platform.LocalizedException.notFound("fieldwork.error.findingNotFound", findingId));
    }

    /** The findings that hold this photo (for a module deciding who else may see it, see workorder's PhotoReaders). */
    public List<Long> holding(String photoId) {
        return jdbc.sql("select id from fieldwork_finding where photo_ids @> array[cast(:p as text)] order by id limit 20")
                .param("p", photoId).query(Long.class).list();
    }

    /** A finding's photo ids, for a module that has checked its reader may see what was made of the finding (a case). */
    public List<String> photoIdsOf(long findingId) {
        return jdbc.sql("select * from fieldwork_finding where id = :id").param("id", findingId).query(Findings::finding).optional()
                .map(Finding::photoIds).orElse(List.of());
    }

    /** The worker's latest findings, newest first. */
    public List<Finding> recent(Actor actor, int limit) {
        return jdbc.sql("select * from fieldwork_finding where user_id = :user order by at desc, id desc limit :limit")
                .param("user", actor.userId()).param("limit", Math.clamp(limit, 1, 100)).query(Findings::finding).list();
    }

    private Optional<Finding> byRequest(long userId, String requestId) {
        return jdbc.sql("select * from fieldwork_finding where user_id = :user and request_id = :request")
                .param("user", userId).param("request", requestId).query(Findings::finding).optional();
    }

    static Finding finding(ResultSet rs, int row) throws SQLException {
        Array photos = rs.getArray("photo_ids");
        Instant at = rs.getTimestamp("at").toInstant();
        return new Finding(rs.getLong("id"), rs.getLong("patrol_id"), rs.getLong("user_id"), at, rs.getString("text"),
                (Double) rs.getObject("lat"), (Double) rs.getObject("lon"),
                photos == null ? List.of() : Arrays.asList((String[]) photos.getArray()),
                FindingOutcome.valueOf(rs.getString("outcome")), (Long) rs.getObject("order_id"), rs.getString("order_number"));
    }
}
