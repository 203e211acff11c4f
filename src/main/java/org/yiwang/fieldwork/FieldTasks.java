package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.notify.Channel;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * 派发任务 — visits and checks that other modules hand to a grid's worker, done from the phone's today page. Any
 * module may assign one (it answers for who may cause that); a grid worker sees and does those of their own grids,
 * community staff those of their territory. Doing one publishes {@link FieldTaskDone}, which the assigning module
 * follows to close its own record — fieldwork knows nothing of the modules that assign.
 */
@Service
public class FieldTasks {

    public static final int LIST_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Grids grids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final Notifications notifications;

    FieldTasks(JdbcClient jdbc, Grids grids, ApplicationEventPublisher events, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.grids = grids;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Assigns the task to the grid's worker(s), in the caller's transaction if there is one, and tells them (inbox and
     * SMS, linked to the task's page); the same source key answers the task assigned first and tells nobody again.
     */
    @Transactional
    public FieldTask assign(AssignFieldTask command) {
        int inserted = jdbc.sql("""
                        INSERT INTO fieldwork_task (source_key, kind, grid_code, subject, address, about, link, due_at, assigned_at)
                        VALUES (:key, :kind, :grid, :subject, :address, :about, :link, :due, :now)
                        ON CONFLICT (source_key) DO NOTHING""")
                .param("key", command.sourceKey()).param("kind", command.kind().name()).param("grid", command.gridCode())
                .param("subject", command.subject()).param("address", command.address()).param("about", command.about())
                .param("link", command.link()).param("due", Timestamp.from(command.dueAt()))
                .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS))).update();
        FieldTask task = bySource(command.sourceKey()).orElseThrow();
        if (inserted == 1) {
            java.util.Set<Long> workers = new java.util.LinkedHashSet<>(grids.workers(task.gridCode()).stream().map(GridWorker::userId).toList());
            if (!workers.isEmpty()) {
                notifications.notify(new Notice(workers, "fieldwork.notice.task." + task.kind().name(),
                        // no subject in the notice: it may name a person, and SMS leaves the platform
                        List.of(org.yiwang.platform.ChinaTime.MINUTES.format(task.dueAt())), "/m/tasks/" + task.id(),
                        java.util.Set.of(Channel.INBOX, Channel.SMS), "field-task:" + task.id()));
            }
        }
        return task;
    }

    public Optional<FieldTask> bySource(String sourceKey) {
        return jdbc.sql("SELECT * FROM fieldwork_task WHERE source_key = :key").param("key", sourceKey).query(FieldTasks::row).optional();
    }

    /** The open tasks of the actor's grids, earliest due first: a grid worker's own grids, staff's territory. */
    public List<FieldTask> open(Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        return jdbc.sql("SELECT * FROM fieldwork_task WHERE done_at IS NULL AND grid_code LIKE ANY (:scope) ORDER BY due_at, id LIMIT "
                        + LIST_LIMIT)
                .param("scope", scope.patterns()).query(FieldTasks::row).list();
    }

    /** The tasks the actor did, latest first. */
    public List<FieldTask> doneBy(Actor actor, int limit) {
        return jdbc.sql("SELECT * FROM fieldwork_task WHERE done_by = :user ORDER BY done_at DESC LIMIT :limit")
                .param("user", actor.userId()).param("limit", Math.clamp(limit, 1, LIST_LIMIT)).query(FieldTasks::row).list();
    }

    /** @throws LocalizedException 404 for a task outside the actor's grids */
    public FieldTask get(long id, Actor actor) {
        return jdbc.sql("SELECT * FROM fieldwork_task WHERE id = :id").param("id", id).query(FieldTasks::row).optional()
                .filter(t -> mayDo(t, actor))
                .orElseThrow(() -> LocalizedException.notFound("fieldwork.error.taskNotFound", id));
    }

    /**
     * Marks the task done with what was found, once, and tells the assigning module.
     *
     * @throws LocalizedException 400 naming {@code note} when it is missing or too long, 404 outside the actor's
     *                            grids, 409 when it was done already
     */
    @Transactional
    public FieldTask complete(long id, @Nullable String note, Actor actor) {
        if (!actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (note == null || note.isBlank() || note.strip().length() > 500) {
            throw LocalizedException.badRequest("fieldwork.error.taskField", "note");
        }
        FieldTask task = get(id, actor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int done = jdbc.sql("""
                        UPDATE fieldwork_task SET done_at = :now, done_by = :user, done_by_name = :name, note = :note
                         WHERE id = :id AND done_at IS NULL""")
                .param("now", Timestamp.from(now)).param("user", actor.userId()).param("name", actor.displayName())
                .param("note", note.strip()).param("id", id).update();
        if (done == 0) {
            throw LocalizedException.conflict("fieldwork.error.taskDone", id);
        }
        events.publishEvent(new FieldTaskDone(id, task.sourceKey(), task.gridCode(), now, actor.userId(), actor.displayName(), note.strip(),
                !now.isAfter(task.dueAt())));
        return get(id, actor);
    }

    private boolean mayDo(FieldTask task, Actor actor) {
        return VisitScope.of(actor, grids).covers(task.gridCode());
    }

    private static FieldTask row(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new FieldTask(rs.getLong("id"), rs.getString("source_key"), FieldTask.Kind.valueOf(rs.getString("kind")),
                rs.getString("grid_code"), rs.getString("subject"), rs.getString("address"), rs.getString("about"), rs.getString("link"),
                rs.getTimestamp("due_at").toInstant(), rs.getTimestamp("assigned_at").toInstant(), done == null ? null : done.toInstant(),
                rs.getString("done_by_name"), rs.getString("note"));
    }
}
