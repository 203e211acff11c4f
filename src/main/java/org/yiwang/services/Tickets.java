package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.MessageKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 叫号 — the queue of a service hall (a community's 便民服务站 or the street's 便民服务中心): a number per queue and day
 * (综合 or one class), the window calls the next, marks it served or absent (过号), or transfers it to another queue;
 * waiting and service times follow.
 */
@Service
public class Tickets {

    /** The queues of a hall and their letters: A 综合, then one per class. */
    public static final List<String> QUEUES = java.util.stream.Stream.concat(java.util.stream.Stream.of("综合"),
            ServiceItem.CLASSES.stream()).toList();

    public enum Status { WAITING, CALLED, SERVED, NO_SHOW }

    public record QueueTicket(long id, String hallCode, String queue, String label, Status status, String counter, Instant takenAt,
                         @Nullable Instant calledAt, @Nullable Instant finishedAt, @Nullable Long applicationId, boolean mine) {
    }

    /** A hall's day: who waits, who is at a window, and the day's figures (minutes). */
    public record QueueBoard(String hallCode, String hallName, List<QueueTicket> waiting, List<QueueTicket> called, long served, long noShow,
                        double averageWaitMinutes, double averageServiceMinutes) {
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final Applications applications;
    private final Clock clock;

    Tickets(JdbcClient jdbc, Divisions divisions, Applications applications, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.applications = applications;
        this.clock = clock;
    }

    /** Takes a number in a hall's queue (a resident on the phone, or the clerk for a walk-in). */
    @Transactional
    public QueueTicket take(String hallCode, String queue, Actor actor) {
        if (Level.ofDivision(hallCode) == null || divisions.find(hallCode).isEmpty()) {
            throw LocalizedException.badRequest("services.error.field", "hall");
        }
        int index = QUEUES.indexOf(queue);
        if (index < 0) {
            throw LocalizedException.badRequest("services.error.field", "queue");
        }
        Instant now = clock.instant();
        LocalDate day = now.atZone(ChinaTime.ZONE).toLocalDate();
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "services.ticket." + hallCode + day + queue).query(rs -> {
        });
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from services_ticket where hall_code = :h and day = :d and queue = :q")
                .param("h", hallCode).param("d", day).param("q", queue).query(Integer.class).single();
        String label = (char) ('A' + index) + String.format("%03d", seq);
        long id;
        try {
            id = jdbc.sql("""
                    insert into services_ticket (hall_code, day, queue, seq, label, user_id, status, taken_at)
                    values (:h, :d, :q, :seq, :label, :user, 'WAITING', :at) returning id
                    """).param("h", hallCode).param("d", day).param("q", queue).param("seq", seq).param("label", label)
                    .param("user", actor.userId()).param("at", Timestamp.from(now)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("services.error.ticketBusy");
        }
        return find(id, actor);
    }

    /** The window calls the oldest waiting number of its hall (of one queue when given); none waiting → 404. */
    @Transactional
    public QueueTicket callNext(@Nullable String queue, @Nullable String counter, Actor actor) {
        applications.clerkLevel(actor);
        String hall = applications.officeCode(actor);
        LocalDate day = clock.instant().atZone(ChinaTime.ZONE).toLocalDate();
        Long id = jdbc.sql("""
                select id from services_ticket where hall_code = :h and day = :d and status = 'WAITING'
                   and (cast(:q as varchar) is null or queue = :q)
                 order by taken_at, id limit 1 for update skip locked
                """).param("h", hall).param("d", day).param("q", queue == null || queue.isBlank() ? null : queue)
                .query(Long.class).optional().orElseThrow(() -> LocalizedException.notFound("services.error.noneWaiting"));
        String window = counter == null || counter.isBlank() ? "1" : Applications.text(counter, 20, "counter", true);
        jdbc.sql("update services_ticket set status = 'CALLED', called_at = :at, called_by = :by, counter = :c where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("by", actor.userId()).param("c", window).param("id", id).update();
        return find(id, actor);
    }

    /** Served (with the application it led to, if any) or absent (过号). */
    @Transactional
    public QueueTicket finish(long id, boolean served, @Nullable Long applicationId, Actor actor) {
        QueueTicket t = ownHall(id, actor);
        if (t.status() != Status.CALLED) {
            throw LocalizedException.conflict("services.error.ticketState", t.label(), new MessageKey("services.ticket.status." + t.status().name()));
        }
        if (applicationId != null) {
            applications.detail(applicationId, actor);
        }
        jdbc.sql("update services_ticket set status = :s, finished_at = :at, application_id = :a where id = :id")
                .param("s", served ? Status.SERVED.name() : Status.NO_SHOW.name()).param("at", Timestamp.from(clock.instant()))
                .param("a", applicationId).param("id", id).update();
        return find(id, actor);
    }

    /** 转号: a called number goes to another queue of the hall and waits there, keeping its place by the time taken. */
    @Transactional
    public QueueTicket transfer(long id, String queue, Actor actor) {
        QueueTicket t = ownHall(id, actor);
        if (!QUEUES.contains(queue)) {
            throw LocalizedException.badRequest("services.error.field", "queue");
        }
        if (t.status() != Status.CALLED && t.status() != Status.WAITING) {
            throw LocalizedException.conflict("services.error.ticketState", t.label(), new MessageKey("services.ticket.status." + t.status().name()));
        }
        jdbc.sql("update services_ticket set queue = :q, status = 'WAITING', called_at = null, called_by = null, counter = '' where id = :id")
                .param("q", queue).param("id", id).update();
        return find(id, actor);
    }

    public QueueBoard board(Actor actor) {
        applications.clerkLevel(actor);
        return board(applications.officeCode(actor), actor);
    }

    /** A hall's board; a resident sees it too (for their own number), without who took the others. */
    public QueueBoard board(String hall, Actor actor) {
        LocalDate day = clock.instant().atZone(ChinaTime.ZONE).toLocalDate();
        List<QueueTicket> today = jdbc.sql("select * from services_ticket where hall_code = :h and day = :d order by taken_at, id")
                .param("h", hall).param("d", day).query((rs, n) -> map(rs, actor)).list();
        record ServiceFigureSet(long served, long noShow, double waiting, double service) {
        }
        ServiceFigureSet f = jdbc.sql("""
                select count(*) filter (where status = 'SERVED'), count(*) filter (where status = 'NO_SHOW'),
                       coalesce(avg(extract(epoch from called_at - taken_at)) filter (where called_at is not null), 0) / 60,
                       coalesce(avg(extract(epoch from finished_at - called_at)) filter (where status = 'SERVED'), 0) / 60
                  from services_ticket where hall_code = :h and day = :d
                """).param("h", hall).param("d", day)
                .query((rs, n) -> new ServiceFigureSet(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4))).single();
        String name = divisions.find(hall).map(d -> d.name()).orElse(hall);
        return new QueueBoard(hall, name, today.stream().filter(t -> t.status() == Status.WAITING).toList(),
                today.stream().filter(t -> t.status() == Status.CALLED).toList(), f.served(), f.noShow(),
                Math.round(f.waiting() * 10) / 10.0, Math.round(f.service() * 10) / 10.0);
    }

    /** The actor's own numbers of today. */
    public List<QueueTicket> mine(Actor actor) {
        LocalDate day = clock.instant().atZone(ChinaTime.ZONE).toLocalDate();
        return jdbc.sql("select * from services_ticket where user_id = :me and day = :d order by id desc")
                .param("me", actor.userId()).param("d", day).query((rs, n) -> map(rs, actor)).list();
    }

    private QueueTicket ownHall(long id, Actor actor) {
        applications.clerkLevel(actor);
        String hall = applications.officeCode(actor);
        QueueTicket t = find(id, actor);
        if (!t.hallCode().equals(hall)) {
            throw LocalizedException.notFound("services.error.ticketNotFound", id);
        }
        return t;
    }

    private QueueTicket find(long id, Actor actor) {
        return jdbc.sql("select * from services_ticket where id = :id").param("id", id).query((rs, n) -> map(rs, actor)).optional()
                .orElseThrow(() -> LocalizedException.notFound("services.error.ticketNotFound", id));
    }

    private static QueueTicket map(ResultSet rs, Actor actor) throws SQLException {
        Timestamp called = rs.getTimestamp("called_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        Long user = (Long) rs.getObject("user_id");
        return new QueueTicket(rs.getLong("id"), rs.getString("hall_code"), rs.getString("queue"), rs.getString("label"),
                Status.valueOf(rs.getString("status")), rs.getString("counter"), rs.getTimestamp("taken_at").toInstant(),
                called == null ? null : called.toInstant(), finished == null ? null : finished.toInstant(),
                (Long) rs.getObject("application_id"), user != null && user == actor.userId());
    }
}
