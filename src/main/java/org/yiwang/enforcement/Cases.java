package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.fieldwork.Finding;
import org.yiwang.fieldwork.Findings;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import org.yiwang.geo.Location;
import org.yiwang.ledger.Canonical;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PageView;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 联合执法案件 — opening a case, summoning departments on the arrival clock, the on-site inspection, the combined
 * notice and the stages to 结案 or 移送. Every verb checks the {@link CaseAction} table and who may act, runs in one
 * transaction with the case row locked, and writes the history and the ledger.
 *
 * <p>Who sees a case: the command centre (dispatcher, leader, admin) of its street; the lead department's and the
 * summoned departments' handlers; the grid worker who opened it. Who acts: the street's dispatcher and the lead
 * department's handlers; a summoned department reports its own arrival.
 */
@Service
public class Cases {

    public static final int PAGE_SIZE = 50;
    static final String STREAM = "enforcement.case";

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final NoticeNumbers numbers;
    private final WorkOrderQueries orders;
    private final Findings findings;
    private final GridLocator locator;
    private final Organization organization;
    private final People people;
    private final PhotoStore photos;
    private final Notifications notifications;
    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final EnforcementProperties properties;
    private final Clock clock;

    Cases(JdbcClient jdbc, Catalogue catalogue, NoticeNumbers numbers, WorkOrderQueries orders, Findings findings, GridLocator locator,
          Organization organization, People people, PhotoStore photos, Notifications notifications, Ledger ledger,
          TransactionTemplate transactions, EnforcementProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.numbers = numbers;
        this.orders = orders;
        this.findings = findings;
        this.locator = locator;
        this.organization = organization;
        this.people = people;
        this.photos = photos;
        this.notifications = notifications;
        this.ledger = ledger;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- opening -----------------------------------------------------------------------------------

    /**
     * 立案. The lead team is the district's 综合行政执法 department (the handler's own when an officer opens it).
     * With a request key already used by the same person, the case opened then is returned.
     *
     * @throws LocalizedException 400 for an unknown scenario or grid, 404 for an order or finding the actor may
     *                            not see, 403 for someone who may not open cases
     */
    public EnforcementCase open(OpenCase command, Actor actor) {
        if (command.requestKey() != null) {
            Optional<EnforcementCase> earlier = byRequestKey(command.requestKey(), actor);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Scenario scenario = catalogue.scenario(command.scenarioCode())
                .orElseThrow(() -> LocalizedException.badRequest("enforcement.error.unknown", "scenario", command.scenarioCode()));
        Origin origin = origin(command, actor);
        if (!actor.scope().covers(origin.gridCode() != null ? origin.gridCode() : origin.streetCode()) && !actor.isSystem()) {
            throw LocalizedException.notFound("enforcement.error.gridNotFound", Objects.toString(command.gridCode(), origin.streetCode()));
        }
        OrgUnit lead = leadFor(origin.districtCode(), actor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Long id = transactions.execute(tx -> {
            long next = jdbc.sql("SELECT nextval('enforcement_case_id_seq')").query(Long.class).single();
            String number = "ZF" + ChinaTime.DAY.format(now) + String.format("%06d", next);
            int inserted = jdbc.sql("""
                            INSERT INTO enforcement_case (id, number, district_code, street_code, grid_code, scenario_code, source,
                                   order_id, finding_id, title, address, stage, lead_department_id, lead_department_name,
                                   created_by, created_by_name, created_at, updated_at, request_key)
                            VALUES (:id, :number, :district, :street, :grid, :scenario, :source, :order, :finding, :title, :address,
                                    'FILED', :lead, :leadName, :by, :byName, :now, :now, :key)
                            ON CONFLICT (request_key) DO NOTHING""")
                    .param("id", next).param("number", number).param("district", origin.districtCode())
                    .param("street", origin.streetCode()).param("grid", origin.gridCode()).param("scenario", scenario.code())
                    .param("source", command.source().name()).param("order", command.orderId()).param("finding", command.findingId())
                    .param("title", origin.title()).param("address", origin.address()).param("lead", lead.id())
                    .param("leadName", lead.name()).param("by", actor.userId()).param("byName", actor.displayName())
                    .param("now", ts(now)).param("key", command.requestKey())
                    .update();
            if (inserted == 0) {
                return null;
            }
            history(next, now, actor, "OPEN", null, Stage.FILED, origin.title());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("number", number);
            facts.put("scenario", scenario.code());
            facts.put("source", command.source().name());
            facts.put("order", command.orderId());
            facts.put("finding", command.findingId());
            facts.put("lead", lead.id());
            ledger(number, origin.streetCode(), "OPENED", now, actor, facts);
            return next;
        });
        if (id == null) {
            return byRequestKey(Objects.requireNonNull(command.requestKey()), actor)
                    .orElseThrow(() -> LocalizedException.conflict("enforcement.error.requestKey"));
        }
        return load(id).orElseThrow();
    }

    private record Origin(String districtCode, String streetCode, @Nullable String gridCode, String title, String address) {
    }

    private Origin origin(OpenCase command, Actor actor) {
        switch (command.source()) {
            case ORDER -> {
                requireOpener(actor, false);
                WorkOrder order = orders.get(Objects.requireNonNull(command.orderId()), actor);
                if (order.streetCode() == null) {
                    throw LocalizedException.badRequest("enforcement.error.orderWithoutStreet", order.number());
                }
                String title = command.title() != null ? command.title() : truncate(PersonalData.maskText(order.description()), 200);
                String address = command.address() != null ? command.address()
                        : order.address() != null ? truncate(order.address(), 200) : order.number();
                return new Origin(order.districtCode(), order.streetCode(), order.gridCode(), title, address);
            }
            case FINDING -> {
                requireOpener(actor, true);
                Finding finding = findings.ofPatrol(Objects.requireNonNull(command.patrolId()), actor).stream()
                        .filter(f -> f.id() == command.findingId()).findFirst()
                        .orElseThrow(() -> LocalizedException.notFound("enforcement.error.findingNotFound", command.findingId()));
                if (finding.lat() == null || finding.lon() == null) {
                    throw LocalizedException.badRequest("enforcement.error.findingWithoutPlace", finding.id());
                }
                Location location = locator.locate(new LonLat(finding.lon(), finding.lat()))
                        .orElseThrow(() -> LocalizedException.badRequest("enforcement.error.findingWithoutPlace", finding.id()));
                String title = command.title() != null ? command.title() : truncate(PersonalData.maskText(finding.text()), 200);
                return new Origin(location.district().code(), location.street().code(), location.grids().getFirst().code(), title,
                        command.address() != null ? command.address() : location.community().name());
            }
            default -> {
                requireOpener(actor, false);
                IndexedGrid grid = locator.grid(Objects.requireNonNull(command.gridCode()))
                        .orElseThrow(() -> LocalizedException.badRequest("enforcement.error.unknown", "gridCode", command.gridCode()));
                return new Origin(grid.district().code(), grid.street().code(), grid.grid().code(), Objects.requireNonNull(command.title()),
                        Objects.requireNonNull(command.address()));
            }
        }
    }

    private void requireOpener(Actor actor, boolean finding) {
        if (actor.isSystem() || actor.has(Role.DISPATCHER) || lawEnforcementOfficer(actor) || finding && actor.has(Role.GRID_WORKER)) {
            return;
        }
        throw LocalizedException.forbidden("error.forbidden");
    }

    private boolean lawEnforcementOfficer(Actor actor) {
        return actor.has(Role.HANDLER) && actor.orgUnitId() != null && organization.find(actor.orgUnitId())
                .map(u -> u.isDepartment() && u.departmentType() == DepartmentType.LAW_ENFORCEMENT).orElse(false);
    }

    private OrgUnit leadFor(String districtCode, Actor actor) {
        if (lawEnforcementOfficer(actor)) {
            return organization.find(Objects.requireNonNull(actor.orgUnitId())).orElseThrow();
        }
        return organization.department(districtCode, DepartmentType.LAW_ENFORCEMENT)
                .orElseThrow(() -> LocalizedException.conflict("enforcement.error.noLeadDepartment", districtCode));
    }

    /** Whether the actor may open a case from one of their patrol findings (转执法). */
    public boolean mayOpenFromFinding(Actor actor) {
        try {
            requireOpener(actor, true);
            return true;
        } catch (LocalizedException e) {
            return false;
        }
    }

    /** The case opened from this finding, if any (one finding, one case as a rule). */
    public Optional<EnforcementCase> openedFromFinding(long findingId) {
        return jdbc.sql("SELECT * FROM enforcement_case WHERE finding_id = :f ORDER BY id LIMIT 1").param("f", findingId)
                .query(Cases::row).optional();
    }

    /** What the case form is prefilled with from one of the actor's findings: title, place, grid and photos. */
    public record FindingDraft(long patrolId, long findingId, String title, String address, String gridCode, String gridName,
                               List<String> photoIds) {
    }

    /**
     * @throws LocalizedException 404 for a finding not the actor's, 400 for one without a place in a grid
     */
    public FindingDraft draftFromFinding(long findingId, Actor actor) {
        requireOpener(actor, true);
        Finding finding = findings.get(findingId, actor);
        if (finding.lat() == null || finding.lon() == null) {
            throw LocalizedException.badRequest("enforcement.error.findingWithoutPlace", finding.id());
        }
        Location location = locator.locate(new LonLat(finding.lon(), finding.lat()))
                .orElseThrow(() -> LocalizedException.badRequest("enforcement.error.findingWithoutPlace", finding.id()));
        return new FindingDraft(finding.patrolId(), finding.id(), truncate(PersonalData.maskText(finding.text()), 200),
                location.community().name(), location.grids().getFirst().code(), location.grids().getFirst().name(), finding.photoIds());
    }

    private Optional<EnforcementCase> byRequestKey(String key, Actor actor) {
        return jdbc.sql("SELECT * FROM enforcement_case WHERE request_key = :key").param("key", key).query(Cases::row).optional()
                .map(c -> {
                    if (c.createdBy() != actor.userId()) {
                        throw LocalizedException.conflict("enforcement.error.requestKey");
                    }
                    return c;
                });
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** Filter of the case list: a stage, or the open ones; a street inside the reader's territory. */
    public record Filter(@Nullable Stage stage, boolean openOnly, @Nullable String street) {
    }

    /** The cases the reader may see, newest first. */
    public PageView<EnforcementCase> list(Filter filter, int page, Actor reader) {
        requireStaff(reader);
        if (page < 0) {
            throw LocalizedException.badRequest("enforcement.error.field", "page");
        }
        StringBuilder where = new StringBuilder(" WHERE (street_code LIKE ANY (:scope) AND :territory");
        where.append(" OR lead_department_id = ANY (:departments)");
        where.append(" OR id IN (SELECT case_id FROM enforcement_summons WHERE department_id = ANY (:departments))");
        where.append(" OR created_by = :me)");
        if (filter.stage() != null) {
            where.append(" AND stage = :stage");
        } else if (filter.openOnly()) {
            where.append(" AND stage IN ('FILED','INVESTIGATING','INFORMED','DECIDED','EXECUTING')");
        }
        if (filter.street() != null) {
            where.append(" AND street_code = :street");
        }
        Long[] departments = reader.scope().departmentIds().toArray(Long[]::new);
        boolean territory = reader.hasAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN);
        long total = bind(jdbc.sql("SELECT count(*) FROM enforcement_case" + where), filter, reader, departments, territory)
                .query(Long.class).single();
        List<EnforcementCase> rows = bind(jdbc.sql("SELECT * FROM enforcement_case" + where + " ORDER BY created_at DESC, id DESC LIMIT "
                + PAGE_SIZE + " OFFSET " + (long) page * PAGE_SIZE), filter, reader, departments, territory).query(Cases::row).list();
        return PageView.of(rows, page, PAGE_SIZE, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, Actor reader, Long[] departments,
                                                 boolean territory) {
        spec = spec.param("scope", reader.scope().likePatterns()).param("territory", territory)
                .param("departments", departments).param("me", reader.userId());
        if (filter.stage() != null) {
            spec = spec.param("stage", filter.stage().name());
        }
        if (filter.street() != null) {
            spec = spec.param("street", filter.street());
        }
        return spec;
    }

    /** Most cases the map draws at once. */
    public static final int MAP_LIMIT = 500;

    /**
     * A case on the command map: where (the order's spot when it came from an order, else its grid's centre), its
     * stage and the worst arrival light of its summoned departments (null when none was summoned).
     */
    public record MapCase(long id, String number, String title, Stage stage, @Nullable String gridCode, @Nullable Long orderId,
                          double lat, double lon, Summons.@Nullable Light light, int summoned, int arrived) {
    }

    /**
     * The open cases of the reader's territory (dispatchers, leaders and administrators; their streets) that have a
     * place, newest first, at most {@link #MAP_LIMIT}: one statement for the cases, one for all their summons, one
     * for the orders' spots.
     */
    public List<MapCase> onMap(Actor reader) {
        if (!reader.hasAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        String[] scope = reader.scope().likePatterns();
        if (scope.length == 0) {
            return List.of();
        }
        List<EnforcementCase> open = jdbc.sql("SELECT * FROM enforcement_case WHERE street_code LIKE ANY (:scope)"
                        + " AND stage IN ('FILED','INVESTIGATING','INFORMED','DECIDED','EXECUTING') ORDER BY created_at DESC, id DESC LIMIT "
                        + MAP_LIMIT)
                .param("scope", scope).query(Cases::row).list();
        if (open.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, List<Summons>> summonsOf = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM enforcement_summons WHERE case_id = ANY (:ids) ORDER BY id")
                .param("ids", open.stream().map(EnforcementCase::id).toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> summonsOf.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                        .add(new Summons(rs.getLong("department_id"), rs.getString("department_name"), instant(rs, "summoned_at"),
                                instant(rs, "due_at"), instant(rs, "arrived_at"), rs.getString("arrived_by_name"), instant(rs, "escalated_at"))));
        java.util.Map<Long, org.yiwang.workorder.WorkOrder> spots = orders.getAll(open.stream().map(EnforcementCase::orderId)
                .filter(java.util.Objects::nonNull).toList(), reader);
        Instant now = clock.instant();
        List<MapCase> result = new ArrayList<>();
        for (EnforcementCase c : open) {
            Double lat = null;
            Double lon = null;
            org.yiwang.workorder.WorkOrder order = c.orderId() == null ? null : spots.get(c.orderId());
            if (order != null) {
                lat = order.place().lat();
                lon = order.place().lon();
            } else if (c.gridCode() != null) {
                var grid = locator.grid(c.gridCode());
                if (grid.isPresent()) {
                    var centre = grid.get().geometry().getInteriorPoint();
                    lat = centre.getY();
                    lon = centre.getX();
                }
            }
            if (lat == null) {
                continue;
            }
            List<Summons> summons = summonsOf.getOrDefault(c.id(), List.of());
            Summons.Light worst = summons.stream().map(s -> s.light(now)).max(java.util.Comparator.naturalOrder()).orElse(null);
            result.add(new MapCase(c.id(), c.number(), c.title(), c.stage(), c.gridCode(), c.orderId(), lat, lon, worst, summons.size(),
                    (int) summons.stream().filter(s -> s.arrivedAt() != null).count()));
        }
        return result;
    }

    /** The case with everything that belongs to it; 404 when the reader may not see it. */
    public CaseFile get(long id, Actor reader) {
        EnforcementCase c = readable(id, reader);
        List<Summons> summons = summons(id);
        Scenario scenario = catalogue.scenario(c.scenarioCode()).orElseThrow();
        List<Inspection> inspections = jdbc.sql("SELECT * FROM enforcement_inspection WHERE case_id = :id ORDER BY at, id")
                .param("id", id).query((rs, n) -> new Inspection(rs.getLong("id"), instant(rs, "at"), rs.getString("by_name"),
                        Catalogue.strings(rs, "passed"), Catalogue.strings(rs, "failed"), rs.getString("findings"),
                        Catalogue.strings(rs, "photo_ids"))).list();
        List<Party> parties = jdbc.sql("SELECT * FROM enforcement_party WHERE case_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Party(Party.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("phone"),
                        rs.getString("reference"))).list();
        List<String> codes = jdbc.sql("SELECT item_code FROM enforcement_case_item WHERE case_id = :id ORDER BY item_code")
                .param("id", id).query(String.class).list();
        List<EnforcementItem> items = codes.stream().map(catalogue::item).flatMap(Optional::stream).toList();
        CorrectionNotice notice = jdbc.sql("SELECT * FROM enforcement_notice WHERE case_id = :id").param("id", id)
                .query((rs, n) -> new CorrectionNotice(rs.getString("number"), rs.getInt("year"), rs.getInt("seq"), instant(rs, "issued_at"),
                        rs.getString("issued_by_name"), rs.getObject("rectify_by", LocalDate.class), rs.getString("requirement")))
                .optional().orElse(null);
        List<HistoryEntry> history = jdbc.sql("SELECT * FROM enforcement_history WHERE case_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), rs.getString("actor_name"), rs.getString("action"),
                        rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")), rs.getString("note"))).list();
        return new CaseFile(c, scenario, summons, inspections, parties, items, notice, history, allowed(c, summons, reader));
    }

    /** What the reader may do now: the stage's actions that the reader's part in the case allows. */
    Set<CaseAction> allowed(EnforcementCase c, List<Summons> summons, Actor actor) {
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.allowed(c.stage())) {
            if (action == CaseAction.ARRIVE ? waitingFor(summons, actor).isPresent() : mayDirect(c, actor)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private boolean mayDirect(EnforcementCase c, Actor actor) {
        return actor.isSystem() || actor.has(Role.DISPATCHER) && actor.scope().covers(c.streetCode())
                || actor.has(Role.HANDLER) && actor.scope().departmentIds().contains(c.leadDepartmentId());
    }

    private static Optional<Summons> waitingFor(List<Summons> summons, Actor actor) {
        if (!actor.has(Role.HANDLER)) {
            return Optional.empty();
        }
        return summons.stream().filter(s -> s.arrivedAt() == null && actor.scope().departmentIds().contains(s.departmentId())).findFirst();
    }

    private EnforcementCase readable(long id, Actor reader) {
        requireStaff(reader);
        return load(id).filter(c -> mayRead(c, reader))
                .orElseThrow(() -> LocalizedException.notFound("enforcement.error.notFound", id));
    }

    /** Whether the reader may read the case (staff of its street, its lead or a summoned department, its opener). */
    public boolean mayRead(long id, Actor reader) {
        return (reader.isSystem() || reader.isStaff()) && load(id).filter(c -> mayRead(c, reader)).isPresent();
    }

    private boolean mayRead(EnforcementCase c, Actor reader) {
        if (reader.isSystem() || c.createdBy() == reader.userId()) {
            return true;
        }
        if (reader.hasAny(Role.DISPATCHER, Role.LEADER, Role.ADMIN) && reader.scope().covers(c.streetCode())) {
            return true;
        }
        Set<Long> mine = reader.scope().departmentIds();
        return reader.has(Role.HANDLER) && (mine.contains(c.leadDepartmentId())
                || summons(c.id()).stream().anyMatch(s -> mine.contains(s.departmentId())));
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isSystem() && !actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    Optional<EnforcementCase> load(long id) {
        return jdbc.sql("SELECT * FROM enforcement_case WHERE id = :id").param("id", id).query(Cases::row).optional();
    }

    List<Summons> summons(long caseId) {
        return jdbc.sql("SELECT * FROM enforcement_summons WHERE case_id = :id ORDER BY id").param("id", caseId)
                .query((rs, n) -> new Summons(rs.getLong("department_id"), rs.getString("department_name"), instant(rs, "summoned_at"),
                        instant(rs, "due_at"), instant(rs, "arrived_at"), rs.getString("arrived_by_name"), instant(rs, "escalated_at")))
                .list();
    }

    // ---- verbs -------------------------------------------------------------------------------------

    /** 召集: summon departments of the case's district on the arrival clock; one already summoned stays as it was. */
    public CaseFile summon(long id, Collection<Long> departmentIds, Actor actor) {
        if (departmentIds == null || departmentIds.isEmpty()) {
            throw LocalizedException.badRequest("enforcement.error.required", "departmentIds");
        }
        step(id, CaseAction.SUMMON, actor, null, (c, now) -> {
            List<String> names = new ArrayList<>();
            for (Long departmentId : Set.copyOf(departmentIds)) {
                OrgUnit unit = departmentId == null ? null : organization.find(departmentId)
                        .filter(u -> u.isDepartment() && u.enabled() && c.districtCode().startsWith(u.divisionPrefix()))
                        .orElse(null);
                if (unit == null) {
                    throw LocalizedException.badRequest("enforcement.error.unknown", "departmentIds", String.valueOf(departmentId));
                }
                int added = jdbc.sql("""
                                INSERT INTO enforcement_summons (case_id, department_id, department_name, summoned_at, due_at)
                                VALUES (:case, :dept, :name, :now, :due) ON CONFLICT (case_id, department_id) DO NOTHING""")
                        .param("case", id).param("dept", unit.id()).param("name", unit.name()).param("now", ts(now))
                        .param("due", ts(now.plus(properties.arrivalLimit()))).update();
                if (added > 0) {
                    names.add(unit.name());
                    Set<Long> handlers = people.membersOf(unit.id(), Role.HANDLER).stream().map(UserSummary::id).collect(Collectors.toSet());
                    if (!handlers.isEmpty()) {
                        notifications.notify(Notice.to(handlers, "enforcement.notice.summoned", c.number(), c.title(),
                                properties.arrivalLimit().toMinutes()).withLink("/enforcement/cases/" + id)
                                .withDedupKey("enforcement-summoned:" + id + ":" + unit.id()));
                    }
                }
            }
            return names.isEmpty() ? null : String.join("、", names);
        });
        return get(id, actor);
    }

    /** 到场: the actor's department, summoned to the case, reports that it is on site. */
    public CaseFile arrive(long id, Actor actor) {
        readable(id, actor);
        Summons waiting = waitingFor(summons(id), actor)
                .orElseThrow(() -> LocalizedException.conflict("enforcement.error.notSummoned"));
        step(id, CaseAction.ARRIVE, actor, null, (c, now) -> {
            jdbc.sql("UPDATE enforcement_summons SET arrived_at = :now, arrived_by_name = :name WHERE case_id = :case AND department_id = :dept AND arrived_at IS NULL")
                    .param("now", ts(now)).param("name", actor.displayName()).param("case", id).param("dept", waiting.departmentId())
                    .update();
            return waiting.departmentName() + (now.isAfter(waiting.dueAt()) ? "（超时到场）" : "");
        });
        return get(id, actor);
    }

    /** 开始调查. */
    public CaseFile investigate(long id, @Nullable String note, Actor actor) {
        step(id, CaseAction.INVESTIGATE, actor, Texts.optionalOrNull(note, "note", 500), null);
        return get(id, actor);
    }

    /** 现场检查: checklist points of the case's scenario, findings, parties, items of the list, stored photos. */
    public CaseFile inspect(long id, RecordInspection command, Actor actor) {
        if (command.requestKey() != null) {
            Long earlier = jdbc.sql("SELECT case_id FROM enforcement_inspection WHERE request_key = :key").param("key", command.requestKey())
                    .query(Long.class).optional().orElse(null);
            if (earlier != null && earlier == id) {
                return get(id, actor);
            }
        }
        EnforcementCase current = readable(id, actor);
        Scenario scenario = catalogue.scenario(current.scenarioCode()).orElseThrow();
        for (String point : command.passed()) {
            if (!scenario.checklist().contains(point)) {
                throw LocalizedException.badRequest("enforcement.error.unknown", "passed", point);
            }
        }
        for (String point : command.failed()) {
            if (!scenario.checklist().contains(point)) {
                throw LocalizedException.badRequest("enforcement.error.unknown", "failed", point);
            }
        }
        for (String code : command.itemCodes()) {
            if (catalogue.item(code).filter(EnforcementItem::active).isEmpty()) {
                throw LocalizedException.badRequest("enforcement.error.unknown", "itemCodes", code);
            }
        }
        for (String photo : command.photoIds()) {
            if (photos.find(photo).isEmpty()) {
                throw LocalizedException.badRequest("enforcement.error.unknown", "photoIds", photo);
            }
        }
        step(id, CaseAction.INSPECT, actor, command.findings(), (c, now) -> {
            jdbc.sql("""
                            INSERT INTO enforcement_inspection (case_id, at, by_user_id, by_name, failed, passed, findings, photo_ids, request_key)
                            VALUES (:case, :now, :by, :name, :failed, :passed, :findings, :photos, :key)""")
                    .param("case", id).param("now", ts(now)).param("by", actor.userId()).param("name", actor.displayName())
                    .param("failed", command.failed().toArray(String[]::new)).param("passed", command.passed().toArray(String[]::new))
                    .param("findings", command.findings()).param("photos", command.photoIds().toArray(String[]::new))
                    .param("key", command.requestKey()).update();
            for (Party party : command.parties()) {
                jdbc.sql("INSERT INTO enforcement_party (case_id, kind, name, phone, reference) VALUES (:case, :kind, :name, :phone, :ref)")
                        .param("case", id).param("kind", party.kind().name()).param("name", party.name()).param("phone", party.phone())
                        .param("ref", party.reference()).update();
            }
            for (String code : command.itemCodes()) {
                jdbc.sql("INSERT INTO enforcement_case_item (case_id, item_code) VALUES (:case, :code) ON CONFLICT DO NOTHING")
                        .param("case", id).param("code", code).update();
            }
            return "不合格 " + command.failed().size() + " 项 / 合格 " + command.passed().size() + " 项";
        });
        return get(id, actor);
    }

    /**
     * 告知: serve the one combined 责令改正通知书 covering every department's items of the case, numbered in the
     * street's series of the year. Needs an inspection and at least one item.
     */
    public CaseFile serveNotice(long id, @Nullable LocalDate rectifyBy, @Nullable String requirement, Actor actor) {
        String text = Texts.required(requirement, "requirement", 1000);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        LocalDate by = rectifyBy != null ? rectifyBy : today.plusDays(properties.rectifyDays());
        if (!by.isAfter(today) || by.isAfter(today.plusYears(1))) {
            throw LocalizedException.badRequest("enforcement.error.field", "rectifyBy");
        }
        step(id, CaseAction.NOTIFY, actor, text, (c, now) -> {
            boolean inspected = jdbc.sql("SELECT EXISTS (SELECT 1 FROM enforcement_inspection WHERE case_id = :id)").param("id", id)
                    .query(Boolean.class).single();
            long items = jdbc.sql("SELECT count(*) FROM enforcement_case_item WHERE case_id = :id").param("id", id).query(Long.class).single();
            if (!inspected || items == 0) {
                throw LocalizedException.conflict("enforcement.error.noticeNeedsInspection", c.number());
            }
            int year = LocalDate.ofInstant(now, ChinaTime.ZONE).getYear();
            int seq = numbers.next(c.streetCode(), year);
            String number = NoticeNumbers.format(c.streetCode(), year, seq);
            jdbc.sql("""
                            INSERT INTO enforcement_notice (case_id, number, street_code, year, seq, issued_at, issued_by_name, rectify_by, requirement)
                            VALUES (:case, :number, :street, :year, :seq, :now, :name, :by, :text)""")
                    .param("case", id).param("number", number).param("street", c.streetCode()).param("year", year).param("seq", seq)
                    .param("now", ts(now)).param("name", actor.displayName()).param("by", by).param("text", text).update();
            return number;
        });
        return get(id, actor);
    }

    /** 决定: the decision (e.g. 责令限期改正并处罚款二千元). */
    public CaseFile decide(long id, @Nullable String decision, Actor actor) {
        String text = Texts.required(decision, "decision", 1000);
        step(id, CaseAction.DECIDE, actor, text, (c, now) -> {
            jdbc.sql("UPDATE enforcement_case SET decision = :d WHERE id = :id").param("d", text).param("id", id).update();
            return null;
        });
        return get(id, actor);
    }

    /** 执行. */
    public CaseFile execute(long id, @Nullable String note, Actor actor) {
        step(id, CaseAction.EXECUTE, actor, Texts.optionalOrNull(note, "note", 500), null);
        return get(id, actor);
    }

    /** 安排复查: the follow-up re-inspection falls due on {@code due} (default: in the configured number of days). */
    public CaseFile scheduleReinspection(long id, @Nullable LocalDate due, Actor actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        LocalDate day = due != null ? due : today.plusDays(properties.reinspectDays());
        if (day.isBefore(today) || day.isAfter(today.plusYears(1))) {
            throw LocalizedException.badRequest("enforcement.error.field", "due");
        }
        step(id, CaseAction.SCHEDULE_REINSPECTION, actor, day.toString(), (c, now) -> {
            jdbc.sql("UPDATE enforcement_case SET reinspect_due = :due, reinspected_at = NULL, reinspection_passed = NULL WHERE id = :id")
                    .param("due", day).param("id", id).update();
            return null;
        });
        return get(id, actor);
    }

    /** 复查: whether the party has put things right. Only once a re-inspection is scheduled. */
    public CaseFile reinspect(long id, @Nullable Boolean passed, @Nullable String note, Actor actor) {
        if (passed == null) {
            throw LocalizedException.badRequest("enforcement.error.required", "passed");
        }
        String text = Texts.required(note, "note", 500);
        step(id, CaseAction.REINSPECT, actor, text, (c, now) -> {
            if (c.reinspectDue() == null || c.reinspectedAt() != null) {
                throw LocalizedException.conflict("enforcement.error.noReinspectionDue", c.number());
            }
            jdbc.sql("UPDATE enforcement_case SET reinspected_at = :now, reinspection_passed = :passed WHERE id = :id")
                    .param("now", ts(now)).param("passed", passed).param("id", id).update();
            return passed ? "复查合格" : "复查不合格";
        });
        return get(id, actor);
    }

    /** 结案: a scheduled re-inspection must have passed. */
    public CaseFile close(long id, @Nullable String note, Actor actor) {
        String text = Texts.required(note, "note", 500);
        step(id, CaseAction.CLOSE, actor, text, (c, now) -> {
            if (c.reinspectDue() != null && !Boolean.TRUE.equals(c.reinspectionPassed())) {
                throw LocalizedException.conflict("enforcement.error.reinspectionOpen", c.number());
            }
            return null;
        });
        return get(id, actor);
    }

    /** 移送 another agency (e.g. 公安机关 for a crime); ends the case here. */
    public CaseFile transfer(long id, @Nullable String agency, @Nullable String reason, Actor actor) {
        String to = Texts.required(agency, "agency", 200);
        String why = Texts.required(reason, "reason", 500);
        step(id, CaseAction.TRANSFER, actor, why, (c, now) -> {
            jdbc.sql("UPDATE enforcement_case SET transferred_to = :to WHERE id = :id").param("to", to).param("id", id).update();
            return to;
        });
        return get(id, actor);
    }

    /** What a verb adds to its step, run with the case locked; returns a fact for the history note, or null. */
    private interface Extra {
        @Nullable String apply(EnforcementCase locked, Instant now);
    }

    private void step(long id, CaseAction action, Actor actor, @Nullable String note, @Nullable Extra extra) {
        EnforcementCase seen = readable(id, actor);
        if (action != CaseAction.ARRIVE && !mayDirect(seen, actor)) {
            throw LocalizedException.forbidden("enforcement.error.notYours", seen.number());
        }
        transactions.executeWithoutResult(tx -> {
            EnforcementCase c = jdbc.sql("SELECT * FROM enforcement_case WHERE id = :id FOR UPDATE").param("id", id)
                    .query(Cases::row).single();
            Stage to = action.apply(c.stage());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String fact = extra == null ? null : extra.apply(c, now);
            jdbc.sql("UPDATE enforcement_case SET stage = :stage, version = version + 1, updated_at = :now WHERE id = :id")
                    .param("stage", to.name()).param("now", ts(now)).param("id", id).update();
            String text = fact == null ? note : note == null ? fact : fact + "：" + note;
            history(id, now, actor, action.name(), c.stage(), to, text);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("number", c.number());
            facts.put("from", c.stage().name());
            facts.put("to", to.name());
            facts.put("note", text == null ? null : PersonalData.maskText(text));
            ledger(c.number(), c.streetCode(), action.name(), now, actor, facts);
        });
    }

    void history(long caseId, Instant at, Actor actor, String action, @Nullable Stage from, Stage to, @Nullable String note) {
        jdbc.sql("""
                        INSERT INTO enforcement_history (case_id, at, actor_user_id, actor_name, action, from_stage, to_stage, note)
                        VALUES (:case, :at, :actor, :name, :action, :from, :to, :note)""")
                .param("case", caseId).param("at", ts(at)).param("actor", actor.userId()).param("name", actor.displayName())
                .param("action", action).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("note", note).update();
    }

    void ledger(String number, String streetCode, String kind, Instant at, Actor actor, Map<String, Object> facts) {
        ledger.append(new LedgerRecord(STREAM, number, streetCode, kind, at, actor.userId(), Canonical.json(facts)));
    }

    // ---- rows --------------------------------------------------------------------------------------

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static EnforcementCase row(ResultSet rs, int n) throws SQLException {
        return new EnforcementCase(rs.getLong("id"), rs.getString("number"), rs.getString("district_code"), rs.getString("street_code"),
                rs.getString("grid_code"), rs.getString("scenario_code"), EnforcementCase.Source.valueOf(rs.getString("source")),
                (Long) rs.getObject("order_id"), (Long) rs.getObject("finding_id"), rs.getString("title"), rs.getString("address"),
                Stage.valueOf(rs.getString("stage")), rs.getLong("lead_department_id"), rs.getString("lead_department_name"),
                rs.getString("transferred_to"), rs.getString("decision"), rs.getObject("reinspect_due", LocalDate.class),
                instant(rs, "reinspected_at"), (Boolean) rs.getObject("reinspection_passed"), rs.getLong("created_by"),
                rs.getString("created_by_name"), Objects.requireNonNull(instant(rs, "created_at")));
    }
}
