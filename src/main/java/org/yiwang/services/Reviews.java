package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 差评整改 — a rating of 1 or 2 (不满意, 非常不满意) with its reason opens a review of the application with its own limit
 * ({@code yiwang.services.rectify-days} working days); the community or street staff close it with what they changed.
 */
@Service
public class Reviews {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Ledger ledger;
    private final ServicesProperties properties;
    private final Clock clock;

    Reviews(JdbcClient jdbc, WorkingCalendar calendar, Ledger ledger, ServicesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    public record ServiceReview(long id, long applicationId, String applicationNumber, String communityCode, int rating, String reason,
                         Instant openedAt, Instant dueAt, @Nullable Instant closedAt, String outcome, TrafficLight light) {
    }

    void open(long applicationId, String number, String community, int rating, String reason, Instant now, Actor by) {
        Instant due = calendar.addWorkingDays(now, properties.rectifyDays());
        jdbc.sql("""
                insert into services_review (application_id, community_code, rating, reason, opened_at, due_at)
                values (:a, :c, :r, :reason, :at, :due)
                """).param("a", applicationId).param("c", community).param("r", rating).param("reason", PersonalData.maskText(reason))
                .param("at", Timestamp.from(now)).param("due", Timestamp.from(due)).update();
        ledger.append(LedgerRecord.of(Applications.STREAM, number, community, "REVIEW_OPENED", now, by.userId(), Map.of("rating", rating)));
    }

    /** The reviews of the actor's territory: open ones (oldest due first), or all. */
    public List<ServiceReview> list(boolean openOnly, Actor actor) {
        requireStaff(actor);
        return jdbc.sql("""
                select r.*, a.number from services_review r join services_application a on a.id = r.application_id
                 where r.community_code like any(:scope) and (not :open or r.closed_at is null)
                 order by r.closed_at nulls first, r.due_at limit 200
                """).param("scope", actor.scope().likePatterns()).param("open", openOnly)
                .query((rs, n) -> {
                    Instant opened = rs.getTimestamp("opened_at").toInstant();
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    Timestamp closed = rs.getTimestamp("closed_at");
                    TrafficLight light = closed != null ? TrafficLight.GREY
                            : new ServiceClock(opened, due, null, java.time.Duration.ZERO).light(clock.instant(), calendar);
                    return new ServiceReview(rs.getLong("id"), rs.getLong("application_id"), rs.getString("number"), rs.getString("community_code"),
                            rs.getInt("rating"), rs.getString("reason"), opened, due, closed == null ? null : closed.toInstant(),
                            rs.getString("outcome"), light);
                }).list();
    }

    /** Closes a review with what was changed (整改情况). */
    @Transactional
    public void close(long id, @Nullable String outcome, Actor actor) {
        requireStaff(actor);
        String text = Applications.text(outcome, 1000, "outcome", true);
        record R(String community, @Nullable Timestamp closed, String number) {
        }
        R r = jdbc.sql("""
                select r.community_code, r.closed_at, a.number from services_review r join services_application a on a.id = r.application_id
                 where r.id = :id for update of r
                """).param("id", id).query((rs, n) -> new R(rs.getString(1), rs.getTimestamp(2), rs.getString(3))).optional()
                .filter(x -> actor.scope().covers(x.community()))
                .orElseThrow(() -> LocalizedException.notFound("services.error.reviewNotFound", id));
        if (r.closed() != null) {
            throw LocalizedException.conflict("services.error.reviewClosed", id);
        }
        Instant now = clock.instant();
        jdbc.sql("update services_review set closed_at = :at, closed_by = :by, outcome = :o where id = :id")
                .param("at", Timestamp.from(now)).param("by", actor.userId()).param("o", PersonalData.maskText(text)).param("id", id).update();
        ledger.append(LedgerRecord.of(Applications.STREAM, r.number(), r.community(), "REVIEW_CLOSED", now, actor.userId(), Map.of("review", id)));
    }

    private static void requireStaff(Actor actor) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }
}
