package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.fieldwork.AssignFieldTask;
import org.yiwang.fieldwork.FieldTask;
import org.yiwang.fieldwork.FieldTasks;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 专项行动 — registering people or sites under a campaign, colouring each record by the campaign's rules, spawning
 * the visits and checks its colour asks for with their limit, and the campaign's dashboard and map layer. Staff see
 * the records of their territory; a grid worker registers in their own grids.
 */
@Service
public class Campaigns {

    public static final int LIST_LIMIT = 200;
    static final String STREAM = "enforcement.campaign";

    private final JdbcClient jdbc;
    private final Grids grids;
    private final GridLocator locator;
    private final Ledger ledger;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final FieldTasks fieldTasks;
    private final Intake intake;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Grids grids, GridLocator locator, Ledger ledger, Notifications notifications,
              TransactionTemplate transactions, FieldTasks fieldTasks, Intake intake, Clock clock) {
        this.fieldTasks = fieldTasks;
        this.intake = intake;
        this.jdbc = jdbc;
        this.grids = grids;
        this.locator = locator;
        this.ledger = ledger;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Campaign> list() {
        return jdbc.sql("SELECT code FROM enforcement_campaign ORDER BY starts_on DESC, code").query(String.class).list().stream()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public Campaign get(String code) {
        return find(code).orElseThrow(() -> LocalizedException.notFound("enforcement.error.campaignNotFound", code));
    }

    Optional<Campaign> find(String code) {
        List<CampaignRule> rules = jdbc.sql("SELECT * FROM enforcement_campaign_rule WHERE campaign_code = :c ORDER BY position")
                .param("c", code).query((rs, n) -> new CampaignRule(rs.getInt("position"), Colour.valueOf(rs.getString("colour")),
                        CampaignRule.Field.valueOf(rs.getString("field")), Catalogue.strings(rs, "terms"),
                        (Integer) rs.getObject("within_days"), rs.getString("label"))).list();
        List<Campaign.Spawn> spawns = jdbc.sql("SELECT * FROM enforcement_campaign_spawn WHERE campaign_code = :c ORDER BY colour, kind")
                .param("c", code).query((rs, n) -> new Campaign.Spawn(Colour.valueOf(rs.getString("colour")),
                        Campaign.TaskKind.valueOf(rs.getString("kind")), rs.getInt("within_hours"))).list();
        return jdbc.sql("SELECT * FROM enforcement_campaign WHERE code = :c").param("c", code)
                .query((rs, n) -> new Campaign(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        Campaign.Kind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getBoolean("active"), rules, spawns)).optional();
    }

    /** The grids the actor registers in: a grid worker's own, or every comprehensive grid of the actor's territory. */
    public List<GridSummary> gridsFor(Actor actor) {
        return grids.gridsOf(actor.userId());
    }

    /**
     * 登记: colours the record and spawns its tasks, in one transaction; the same request key registers once.
     *
     * @throws LocalizedException 400 naming the field for a missing or bad one, 404 for a grid outside the actor's
     *                            territory, 409 when the campaign is not running today
     */
    public CampaignRecord register(String campaignCode, Register command, Actor actor) {
        Campaign campaign = get(campaignCode);
        if (!actor.isSystem() && !actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.DISPATCHER)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (command.requestKey() != null) {
            Optional<Long> earlier = jdbc.sql("SELECT id FROM enforcement_campaign_record WHERE campaign_code = :c AND request_key = :k")
                    .param("c", campaignCode).param("k", command.requestKey()).query(Long.class).optional();
            if (earlier.isPresent()) {
                return record(earlier.get(), actor);
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        if (!campaign.runsOn(today)) {
            throw LocalizedException.conflict("enforcement.error.campaignNotRunning", campaign.nameZh());
        }
        if (campaign.kind() == Campaign.Kind.PEOPLE) {
            if (command.origin() == null) {
                throw LocalizedException.badRequest("enforcement.error.required", "origin");
            }
            if (command.arrivedOn() == null) {
                throw LocalizedException.badRequest("enforcement.error.required", "arrivedOn");
            }
            if (command.arrivedOn().isAfter(today) || command.arrivedOn().isBefore(today.minusDays(365))) {
                throw LocalizedException.badRequest("enforcement.error.field", "arrivedOn");
            }
        } else if (command.hazard() == null) {
            throw LocalizedException.badRequest("enforcement.error.required", "hazard");
        }
        IndexedGrid grid = locator.grid(command.gridCode()).filter(g -> mayRegisterIn(g.grid().code(), actor))
                .orElseThrow(() -> LocalizedException.notFound("enforcement.error.gridNotFound", command.gridCode()));
        CampaignRule.Verdict verdict = CampaignRule.colour(campaign.rules(), command.facts(), today);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long id = transactions.execute(tx -> {
            Long inserted = jdbc.sql("""
                            INSERT INTO enforcement_campaign_record (campaign_code, district_code, street_code, community_code, grid_code,
                                   subject, phone, address, origin, route, arrived_on, symptom, hazard, colour, reason, registered_by,
                                   registered_name, registered_at, request_key)
                            VALUES (:c, :district, :street, :community, :grid, :subject, :phone, :address, :origin, :route, :arrived,
                                    :symptom, :hazard, :colour, :reason, :by, :name, :now, :key)
                            ON CONFLICT (campaign_code, request_key) DO NOTHING RETURNING id""")
                    .param("c", campaignCode).param("district", grid.district().code()).param("street", grid.street().code())
                    .param("community", grid.community().code()).param("grid", grid.grid().code()).param("subject", command.subject())
                    .param("phone", command.phone()).param("address", command.address()).param("origin", command.origin())
                    .param("route", command.route()).param("arrived", command.arrivedOn()).param("symptom", command.symptom())
                    .param("hazard", command.hazard()).param("colour", verdict.colour().name()).param("reason", verdict.reason())
                    .param("by", actor.userId()).param("name", actor.displayName()).param("now", Cases.ts(now))
                    .param("key", command.requestKey())
                    .query(Long.class).optional().orElse(null);
            if (inserted == null) {
                return null;
            }
            for (Campaign.Spawn spawn : campaign.spawns()) {
                if (spawn.colour() == verdict.colour()) {
                    spawn(campaign, spawn, inserted, grid, command, verdict, now, actor);
                }
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("campaign", campaignCode);
            facts.put("grid", grid.grid().code());
            facts.put("colour", verdict.colour().name());
            facts.put("reason", verdict.reason());
            ledger.append(new LedgerRecord(STREAM, campaignCode + ":" + inserted, grid.grid().code(), "REGISTERED", now, actor.userId(),
                    Canonical.json(facts)));
            if (verdict.colour() == Colour.RED) {
                Set<Long> workers = grids.workers(grid.grid().code()).stream().map(w -> w.userId()).filter(u -> u != actor.userId())
                        .collect(Collectors.toSet());
                if (!workers.isEmpty()) {
                    notifications.notify(Notice.to(workers, "enforcement.notice.red", campaign.nameZh(), PersonalData.maskName(command.subject()),
                            Objects.toString(verdict.reason(), "")).withLink("/m/campaigns/" + campaignCode));
                }
            }
            return inserted;
        });
        if (id == null) {
            return jdbc.sql("SELECT id FROM enforcement_campaign_record WHERE campaign_code = :c AND request_key = :k")
                    .param("c", campaignCode).param("k", command.requestKey()).query(Long.class).optional()
                    .map(existing -> record(existing, actor)).orElseThrow();
        }
        return record(id, actor);
    }

    /**
     * One spawned task: a visit or check goes to the grid's worker as a fieldwork task, an order through the intake;
     * either way the campaign keeps its own row, done when the work is.
     */
    private void spawn(Campaign campaign, Campaign.Spawn spawn, long recordId, IndexedGrid grid, Register command, CampaignRule.Verdict verdict,
                       Instant now, Actor actor) {
        Instant due = now.plus(Duration.ofHours(spawn.withinHours()));
        long taskId = jdbc.sql("""
                        INSERT INTO enforcement_campaign_task (record_id, campaign_code, grid_code, kind, due_at)
                        VALUES (:record, :c, :grid, :kind, :due) RETURNING id""")
                .param("record", recordId).param("c", campaign.code()).param("grid", grid.grid().code())
                .param("kind", spawn.kind().name()).param("due", Cases.ts(due)).query(Long.class).single();
        String about = campaign.nameZh() + " · " + Objects.toString(verdict.reason(), "");
        if (spawn.kind() == Campaign.TaskKind.ORDER) {
            Point point = grid.geometry().getInteriorPoint();
            String description = "【" + campaign.nameZh() + "】" + command.subject() + "（" + command.address() + "）："
                    + Objects.toString(verdict.reason(), "") + (command.hazard() == null ? "" : "，" + command.hazard());
            WorkOrder order = intake.report(new ReportProblem(description, null, point.getY(), point.getX(), null, command.address(),
                    Source.GRID_PATROL, null, null, null, List.of(), TASK_KEY + taskId), actor).order();
            jdbc.sql("UPDATE enforcement_campaign_task SET order_id = :o, order_number = :n WHERE id = :id")
                    .param("o", order.id()).param("n", order.number()).param("id", taskId).update();
        } else {
            FieldTask field = fieldTasks.assign(new AssignFieldTask(TASK_KEY + taskId,
                    spawn.kind() == Campaign.TaskKind.VISIT ? FieldTask.Kind.VISIT : FieldTask.Kind.CHECK, grid.grid().code(),
                    command.subject(), command.address(), about, "/enforcement/campaigns/" + campaign.code(), due));
            jdbc.sql("UPDATE enforcement_campaign_task SET field_task_id = :f WHERE id = :id")
                    .param("f", field.id()).param("id", taskId).update();
        }
    }

    private boolean mayRegisterIn(String gridCode, Actor actor) {
        if (actor.isSystem()) {
            return true;
        }
        if (actor.has(Role.GRID_WORKER) && !actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER)) {
            return grids.gridsOf(actor.userId()).stream().anyMatch(g -> g.code().equals(gridCode));
        }
        return actor.scope().covers(gridCode);
    }

    public CampaignRecord record(long id, Actor reader) {
        requireStaff(reader);
        return jdbc.sql(RECORDS + " WHERE r.id = :id").param("id", id).query(Campaigns::recordRow).optional()
                .filter(r -> reader.scope().covers(r.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("enforcement.error.recordNotFound", id));
    }

    private static final String RECORDS = """
            SELECT r.*, (SELECT count(*) FROM enforcement_campaign_task t WHERE t.record_id = r.id AND t.done_at IS NULL) AS open_tasks,
                   (SELECT count(*) FROM enforcement_campaign_task t WHERE t.record_id = r.id AND t.done_at IS NOT NULL) AS done_tasks
              FROM enforcement_campaign_record r""";

    /** The campaign's records in the reader's territory, newest first, of one colour or all. */
    public List<CampaignRecord> records(String campaignCode, @Nullable Colour colour, @Nullable String grid, Actor reader) {
        requireStaff(reader);
        get(campaignCode);
        return jdbc.sql(RECORDS + " WHERE r.campaign_code = :c AND r.grid_code LIKE ANY (:scope)"
                        + (colour == null ? "" : " AND r.colour = :colour") + (grid == null ? "" : " AND r.grid_code = :grid")
                        + " ORDER BY r.registered_at DESC, r.id DESC LIMIT " + LIST_LIMIT)
                .param("c", campaignCode).param("scope", reader.scope().likePatterns())
                .param("colour", colour == null ? "" : colour.name()).param("grid", grid == null ? "" : grid)
                .query(Campaigns::recordRow).list();
    }

    private static final String TASKS = """
            SELECT t.*, r.subject, r.address, r.colour FROM enforcement_campaign_task t
              JOIN enforcement_campaign_record r ON r.id = t.record_id""";

    /** The campaign's visits and checks in the reader's territory (a grid worker: their grids), open ones by due time. */
    public List<CampaignTask> tasks(String campaignCode, boolean open, Actor reader) {
        requireStaff(reader);
        get(campaignCode);
        List<CampaignTask> tasks = jdbc.sql(TASKS + " WHERE t.campaign_code = :c AND t.grid_code LIKE ANY (:scope) AND "
                        + (open ? "t.done_at IS NULL ORDER BY t.due_at, t.id" : "t.done_at IS NOT NULL ORDER BY t.done_at DESC")
                        + " LIMIT " + LIST_LIMIT)
                .param("c", campaignCode).param("scope", reader.scope().likePatterns()).query(Campaigns::taskRow).list();
        if (reader.has(Role.GRID_WORKER) && !reader.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER)) {
            Set<String> mine = grids.gridsOf(reader.userId()).stream().map(GridSummary::code).collect(Collectors.toSet());
            return tasks.stream().filter(t -> mine.contains(t.gridCode())).toList();
        }
        return tasks;
    }

    /**
     * Marks a visit or check done, with what was found; once. The grid worker's fieldwork task is done with it (as if
     * done from the today page); an order's task is done only when its order ends.
     */
    public CampaignTask complete(long taskId, @Nullable String note, Actor actor) {
        if (!actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        String text = Texts.required(note, "note", 500);
        CampaignTask task = jdbc.sql(TASKS + " WHERE t.id = :id").param("id", taskId).query(Campaigns::taskRow).optional()
                .filter(t -> actor.scope().covers(t.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("enforcement.error.taskNotFound", taskId));
        if (task.kind() == Campaign.TaskKind.ORDER) {
            throw LocalizedException.conflict("enforcement.error.taskIsOrder", task.orderNumber());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(tx -> {
            if (task.fieldTaskId() != null) {
                fieldTasks.complete(task.fieldTaskId(), text, actor);
            }
            if (!markDone(taskId, now, actor.userId(), actor.displayName(), text)) {
                throw LocalizedException.conflict("enforcement.error.taskDone", taskId);
            }
        });
        return jdbc.sql(TASKS + " WHERE t.id = :id").param("id", taskId).query(Campaigns::taskRow).single();
    }

    /** The source key of a campaign task's fieldwork task or work order. */
    static final String TASK_KEY = "enforcement.campaign-task:";

    /**
     * Marks the task done (from its fieldwork task, its order or the campaign's page) with a ledger entry, once.
     *
     * @return false when it was done already
     */
    boolean markDone(long taskId, Instant at, long userId, String name, String note) {
        Optional<CampaignTask> task = jdbc.sql(TASKS + " WHERE t.id = :id").param("id", taskId).query(Campaigns::taskRow).optional();
        if (task.isEmpty()) {
            return false;
        }
        int done = jdbc.sql("UPDATE enforcement_campaign_task SET done_at = :now, done_by_name = :name, note = :note WHERE id = :id AND done_at IS NULL")
                .param("now", Cases.ts(at)).param("name", name).param("note", note).param("id", taskId).update();
        if (done == 0) {
            return false;
        }
        CampaignTask t = task.get();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", taskId);
        facts.put("kind", t.kind().name());
        facts.put("onTime", !at.isAfter(t.dueAt()));
        ledger.append(new LedgerRecord(STREAM, t.campaignCode() + ":" + t.recordId(), t.gridCode(), "TASK_DONE", at, userId,
                Canonical.json(facts)));
        return true;
    }

    /** The figures of the campaign's dashboard, for the reader's territory. */
    public record Dashboard(Campaign campaign, long red, long yellow, long green, long openTasks, long overdueTasks, long doneTasks,
                            List<Area> communities) {
    }

    /** One community's row of the dashboard. */
    public record Area(String communityCode, long red, long yellow, long green, long openTasks, long overdueTasks) {
    }

    public Dashboard dashboard(String campaignCode, Actor reader) {
        requireStaff(reader);
        Campaign campaign = get(campaignCode);
        Instant now = clock.instant();
        List<Area> areas = jdbc.sql("""
                        SELECT r.community_code,
                               count(*) FILTER (WHERE r.colour = 'RED') AS red,
                               count(*) FILTER (WHERE r.colour = 'YELLOW') AS yellow,
                               count(*) FILTER (WHERE r.colour = 'GREEN') AS green,
                               coalesce(sum((SELECT count(*) FROM enforcement_campaign_task t WHERE t.record_id = r.id AND t.done_at IS NULL)), 0) AS open_tasks,
                               coalesce(sum((SELECT count(*) FROM enforcement_campaign_task t WHERE t.record_id = r.id AND t.done_at IS NULL AND t.due_at < :now)), 0) AS overdue
                          FROM enforcement_campaign_record r
                         WHERE r.campaign_code = :c AND r.grid_code LIKE ANY (:scope)
                         GROUP BY r.community_code ORDER BY r.community_code""")
                .param("c", campaignCode).param("scope", reader.scope().likePatterns()).param("now", Cases.ts(now))
                .query((rs, n) -> new Area(rs.getString("community_code"), rs.getLong("red"), rs.getLong("yellow"), rs.getLong("green"),
                        rs.getLong("open_tasks"), rs.getLong("overdue"))).list();
        long done = jdbc.sql("SELECT count(*) FROM enforcement_campaign_task WHERE campaign_code = :c AND grid_code LIKE ANY (:scope) AND done_at IS NOT NULL")
                .param("c", campaignCode).param("scope", reader.scope().likePatterns()).query(Long.class).single();
        return new Dashboard(campaign, areas.stream().mapToLong(Area::red).sum(), areas.stream().mapToLong(Area::yellow).sum(),
                areas.stream().mapToLong(Area::green).sum(), areas.stream().mapToLong(Area::openTasks).sum(),
                areas.stream().mapToLong(Area::overdueTasks).sum(), done, areas);
    }

    /** One grid of the campaign's map layer: where to put the badge, and its counts. */
    public record GridLayer(String gridCode, String gridName, double lat, double lon, long red, long yellow, long green, long openTasks) {
    }

    public List<GridLayer> mapLayer(String campaignCode, Actor reader) {
        requireStaff(reader);
        get(campaignCode);
        record Counts(String grid, long red, long yellow, long green, long open) {
        }
        List<Counts> counts = jdbc.sql("""
                        SELECT r.grid_code,
                               count(*) FILTER (WHERE r.colour = 'RED') AS red,
                               count(*) FILTER (WHERE r.colour = 'YELLOW') AS yellow,
                               count(*) FILTER (WHERE r.colour = 'GREEN') AS green,
                               coalesce(sum((SELECT count(*) FROM enforcement_campaign_task t WHERE t.record_id = r.id AND t.done_at IS NULL)), 0) AS open_tasks
                          FROM enforcement_campaign_record r
                         WHERE r.campaign_code = :c AND r.grid_code LIKE ANY (:scope)
                         GROUP BY r.grid_code ORDER BY r.grid_code""")
                .param("c", campaignCode).param("scope", reader.scope().likePatterns())
                .query((rs, n) -> new Counts(rs.getString("grid_code"), rs.getLong("red"), rs.getLong("yellow"), rs.getLong("green"),
                        rs.getLong("open_tasks"))).list();
        List<GridLayer> layer = new ArrayList<>();
        for (Counts c : counts) {
            locator.grid(c.grid()).ifPresent(g -> {
                Point p = g.geometry().getInteriorPoint();
                layer.add(new GridLayer(c.grid(), g.grid().name(), p.getY(), p.getX(), c.red(), c.yellow(), c.green(), c.open()));
            });
        }
        return layer;
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isSystem() && !actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private static CampaignRecord recordRow(ResultSet rs, int n) throws SQLException {
        return new CampaignRecord(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("street_code"), rs.getString("community_code"),
                rs.getString("grid_code"), rs.getString("subject"), rs.getString("phone"), rs.getString("address"), rs.getString("origin"),
                rs.getString("route"), rs.getObject("arrived_on", LocalDate.class), rs.getString("symptom"), rs.getString("hazard"),
                Colour.valueOf(rs.getString("colour")), rs.getString("reason"), rs.getString("registered_name"),
                Objects.requireNonNull(Cases.instant(rs, "registered_at")), rs.getInt("open_tasks"), rs.getInt("done_tasks"));
    }

    private static CampaignTask taskRow(ResultSet rs, int n) throws SQLException {
        return new CampaignTask(rs.getLong("id"), rs.getLong("record_id"), rs.getString("campaign_code"), rs.getString("grid_code"),
                Campaign.TaskKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("address"),
                Colour.valueOf(rs.getString("colour")), Objects.requireNonNull(Cases.instant(rs, "due_at")), Cases.instant(rs, "done_at"),
                rs.getString("done_by_name"), rs.getString("note"), (Long) rs.getObject("field_task_id"), (Long) rs.getObject("order_id"),
                rs.getString("order_number"));
    }
}
