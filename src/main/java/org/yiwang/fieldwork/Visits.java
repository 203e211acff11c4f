package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.registry.PersonTag;
import org.yiwang.registry.RegisterQueries;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * 入户走访 — household visits in the rounds of each grid's cycle ({@link VisitCycles}). A present visit covers the
 * household for the round once, whoever records it and however often (one row per household and round, taken by
 * the first); an absent visit is kept but covers nothing. A visit's need may follow up as a work order through
 * the one intake, and the people met count as care visits ({@link CareVisits}).
 */
@Service
public class Visits {

    static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final Grids grids;
    private final VisitCycles cycles;
    private final Intake intake;
    private final RegisterQueries registers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Visits(JdbcClient jdbc, Grids grids, VisitCycles cycles, Intake intake, RegisterQueries registers,
           TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.cycles = cycles;
        this.intake = intake;
        this.registers = registers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A household as the visit list shows it: where, how many live there, its last visit and its standing in the round. */
    public record HouseholdDue(long householdId, String number, String gridCode, String address, int people,
                               @Nullable Instant lastVisitAt, @Nullable Boolean lastPresent, @Nullable Instant lastPresentAt,
                               HouseholdStanding standing, LocalDate roundEnds) {
    }

    /** A person of a household as the visit form shows them: name masked, visible tags only. */
    public record Member(long personId, String name, int age, List<PersonTag> tags) {
    }

    public record HouseholdDetail(HouseholdDue household, List<Member> members, List<Visit> visits) {
    }

    public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
    }

    /**
     * The households of the reader's grids (or one grid), those not yet covered in the current round first —
     * the never visited before the others, then by their oldest present visit; with {@code all} the covered too.
     */
    public Page<HouseholdDue> due(@Nullable String grid, boolean all, int page, int size, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        if (size < 1 || size > MAX_PAGE) {
            throw LocalizedException.badRequest("fieldwork.error.pageSize", "size", MAX_PAGE);
        }
        if (page < 0 || page > 10_000) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "page");
        }
        String[] patterns = grid == null || grid.isBlank() ? scope.patterns() : scope.within(gridCode(grid));
        RoundTable rounds = roundTable(patterns);
        if (rounds.grids.length == 0) {
            return new Page<>(List.of(), page, size, false);
        }
        List<HouseholdDue> rows = jdbc.sql(HOUSEHOLDS + """
                        where (:all or c.household_id is null)
                        order by c.household_id is not null, last_present_at nulls first, b.address, h.room, hh.id
                        limit :limit offset :offset""")
                .param("grids", rounds.grids).param("starts", rounds.starts).param("previous", rounds.previous)
                .param("ends", rounds.ends).param("all", all).param("limit", size + 1).param("offset", (long) page * size)
                .query(Visits::householdDue).list();
        boolean more = rows.size() > size;
        return new Page<>(more ? rows.subList(0, size) : rows, page, size, more);
    }

    private static final String HOUSEHOLDS = """
            with g(grid_code, round_start, previous_start, round_end) as (
                select * from unnest(cast(:grids as varchar[]), cast(:starts as date[]), cast(:previous as date[]), cast(:ends as date[])))
            select hh.id, hh.number, hh.grid_code, hh.created_at, b.address, h.room, g.round_start, g.round_end,
                   (select count(*) from registry_person p where p.household_id = hh.id and p.deleted_at is null) as people,
                   lv.at as last_at, lv.present as last_present,
                   (select max(v.at) from fieldwork_visit v where v.household_id = hh.id and v.present) as last_present_at,
                   c.household_id is not null as covered, pc.household_id is not null as covered_before
            from registry_household hh
            join g on g.grid_code = hh.grid_code
            join registry_house h on h.id = hh.house_id
            join registry_building b on b.id = h.building_id
            left join fieldwork_visit_cover c on c.household_id = hh.id and c.round_start = g.round_start
            left join fieldwork_visit_cover pc on pc.household_id = hh.id and pc.round_start = g.previous_start
            left join lateral (select v.at, v.present from fieldwork_visit v where v.household_id = hh.id order by v.at desc, v.id desc limit 1) lv on true
            """;

    private static HouseholdDue householdDue(ResultSet rs, int row) throws SQLException {
        LocalDate start = rs.getObject("round_start", LocalDate.class);
        LocalDate end = rs.getObject("round_end", LocalDate.class);
        LocalDate registered = LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), ChinaTime.ZONE);
        HouseholdStanding standing = HouseholdStanding.of(rs.getBoolean("covered"), rs.getBoolean("covered_before"), registered,
                new VisitCycle.Round(0, start, end));
        Timestamp last = rs.getTimestamp("last_at");
        Timestamp lastPresent = rs.getTimestamp("last_present_at");
        return new HouseholdDue(rs.getLong("id"), rs.getString("number"), rs.getString("grid_code"),
                rs.getString("address") + " " + rs.getString("room"), rs.getInt("people"),
                last == null ? null : last.toInstant(), (Boolean) rs.getObject("last_present"),
                lastPresent == null ? null : lastPresent.toInstant(), standing, end.minusDays(1));
    }

    /** One household of the reader's scope with its members (for the visit form) and its visits, latest first. */
    public HouseholdDetail household(long householdId, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        String grid = gridOfHousehold(householdId, scope);
        RoundTable rounds = roundTable(new String[]{grid});
        HouseholdDue due = jdbc.sql(HOUSEHOLDS + " where hh.id = :id")
                .param("grids", rounds.grids).param("starts", rounds.starts).param("previous", rounds.previous)
                .param("ends", rounds.ends).param("id", householdId).query(Visits::householdDue).single();
        boolean special = registers.seesSpecialGroups(actor);
        LocalDate today = cycles.today();
        List<Member> members = jdbc.sql("""
                        select id, name, birth_date, tags from registry_person
                        where household_id = :id and deleted_at is null order by relation = 'HOUSEHOLDER' desc, birth_date, id""")
                .param("id", householdId)
                .query((rs, n) -> new Member(rs.getLong("id"), PersonalData.maskName(rs.getString("name")),
                        java.time.Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(),
                        tags(rs.getArray("tags")).stream().filter(t -> special || !t.special()).sorted().toList()))
                .list();
        List<Visit> visits = jdbc.sql(VISIT + " where v.household_id = :id order by v.at desc, v.id desc limit 50")
                .param("id", householdId).query(Visits::visit).list();
        return new HouseholdDetail(due, members, visits);
    }

    /**
     * Records a visit to a household of the reader's grids. The same request id answers the first visit; a present
     * visit covers the household in the current round of its grid unless another visit already did (that one
     * counts, this one is kept); the people met get a care visit each; a follow-up reports the needs as an order.
     */
    public Visit record(RecordVisit command, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        scope.requireRecorder();
        Household household = household(command.householdId(), scope);
        Optional<Visit> earlier = byRequest(actor.userId(), command.requestId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!command.metPersonIds().isEmpty()) {
            Set<Long> members = new java.util.HashSet<>(jdbc.sql(
                            "select id from registry_person where household_id = :id and deleted_at is null")
                    .param("id", household.id()).query(Long.class).list());
            if (!members.containsAll(command.metPersonIds())) {
                throw LocalizedException.badRequest("fieldwork.error.notAMember", "metPersonIds");
            }
        }
        Long orderId = null;
        String orderNumber = null;
        if (command.followUp()) {
            ReportProblem report = new ReportProblem(household.address() + "（入户走访）" + command.needs(), command.categoryCode(),
                    household.lat(), household.lon(), null, household.address(), Source.GRID_PATROL, null, null, null,
                    command.photoIds(), "visit:" + actor.userId() + ":" + command.requestId());
            IntakeResult result = intake.report(report, actor);
            orderId = result.order().id();
            orderNumber = result.order().number();
        }
        Instant now = clock.instant();
        LocalDate roundStart = cycles.of(household.gridCode()).roundOf(LocalDate.ofInstant(now, ChinaTime.ZONE)).start();
        Long finalOrderId = orderId;
        String finalOrderNumber = orderNumber;
        Long id = transactions.execute(status -> {
            Optional<Long> visit = jdbc.sql("""
                            insert into fieldwork_visit (household_id, district_code, grid_code, round_start, user_id, request_id, at,
                                                         present, needs, need_kinds, services, note, photo_ids, order_id, order_number)
                            values (:household, :district, :grid, :round, :user, :request, :at, :present, :needs,
                                    cast(:kinds as varchar[]), cast(:services as varchar[]), :note, cast(:photos as text[]), :order, :number)
                            on conflict (user_id, request_id) do nothing returning id""")
                    .param("household", household.id()).param("district", household.gridCode().substring(0, 6))
                    .param("grid", household.gridCode()).param("round", roundStart).param("user", actor.userId())
                    .param("request", command.requestId()).param("at", Timestamp.from(now)).param("present", command.present())
                    .param("needs", command.needs()).param("kinds", names(command.needKinds()))
                    .param("services", names(command.services())).param("note", command.note())
                    .param("photos", command.photoIds().toArray(String[]::new)).param("order", finalOrderId)
                    .param("number", finalOrderNumber).query(Long.class).optional();
            if (visit.isEmpty()) {
                return null; // the same request, sent twice at once: the other one recorded it
            }
            if (command.present()) {
                // the primary key (household, round) lets one visit cover the household; a concurrent second waits and skips
                int covered = jdbc.sql("""
                                insert into fieldwork_visit_cover (household_id, round_start, district_code, grid_code, visit_id, at)
                                values (:household, :round, :district, :grid, :visit, :at) on conflict do nothing""")
                        .param("household", household.id()).param("round", roundStart)
                        .param("district", household.gridCode().substring(0, 6)).param("grid", household.gridCode())
                        .param("visit", visit.get()).param("at", Timestamp.from(now)).update();
                if (covered == 1) {
                    jdbc.sql("update fieldwork_visit set counted = true where id = :id").param("id", visit.get()).update();
                }
                for (Long person : command.metPersonIds()) {
                    jdbc.sql("""
                                    insert into fieldwork_care_visit (person_id, district_code, grid_code, user_id, at, note, visit_id)
                                    values (:person, :district, :grid, :user, :at, :note, :visit) on conflict do nothing""")
                            .param("person", person).param("district", household.gridCode().substring(0, 6))
                            .param("grid", household.gridCode()).param("user", actor.userId()).param("at", Timestamp.from(now))
                            .param("note", command.note()).param("visit", visit.get()).update();
                }
            }
            return visit.get();
        });
        return id == null ? byRequest(actor.userId(), command.requestId()).orElseThrow()
                : jdbc.sql(VISIT + " where v.id = :id").param("id", id).query(Visits::visit).single();
    }

    /**
     * Coverage of the current round per grid, community, street or district of the reader's scope (or inside {@code area}),
     * with the overdue households and the rounds completed.
     */
    public List<VisitCoverage> coverage(String level, @Nullable String area, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        int length = switch (level == null ? "grid" : level.strip()) {
            case "grid" -> 15;
            case "community" -> 12;
            case "street" -> 9;
            case "district" -> 6;
            default -> throw LocalizedException.badRequest("fieldwork.error.visitField", "level");
        };
        String[] patterns = area == null || area.isBlank() ? scope.patterns() : scope.within(areaCode(area));
        Map<String, VisitCoverage> perGrid = perGrid(patterns);
        Map<String, VisitCoverage> result = new TreeMap<>();
        perGrid.forEach((grid, figures) -> result.merge(grid.substring(0, length),
                new VisitCoverage(grid.substring(0, length), figures.households(), figures.covered(), figures.overdue(),
                        figures.roundsCompleted()), (a, b) -> a.plus(a.code(), b)));
        return List.copyOf(result.values());
    }

    /** The current round's figures of each grid matching the patterns that has households. */
    Map<String, VisitCoverage> perGrid(String[] patterns) {
        RoundTable rounds = roundTable(patterns);
        Map<String, VisitCoverage> result = new TreeMap<>();
        if (rounds.grids.length == 0) {
            return result;
        }
        Map<String, Map<LocalDate, Long>> perRound = new HashMap<>();
        jdbc.sql("""
                        select grid_code, round_start, count(*) as covered from fieldwork_visit_cover
                        where grid_code = any (cast(:grids as varchar[])) and round_start <= :current
                        group by grid_code, round_start""")
                .param("current", cycles.today())
                .param("grids", rounds.grids)
                .query((RowCallbackHandler) rs -> perRound.computeIfAbsent(rs.getString("grid_code"), g -> new HashMap<>())
                        .put(rs.getObject("round_start", LocalDate.class), rs.getLong("covered")));
        jdbc.sql("""
                        with g(grid_code, round_start, previous_start, start_at) as (
                            select g.grid_code, g.round_start, g.previous_start, (g.round_start::timestamp at time zone cast(:zone as text))
                            from unnest(cast(:grids as varchar[]), cast(:starts as date[]), cast(:previous as date[])) as g(grid_code, round_start, previous_start))
                        select hh.grid_code, g.round_start, count(*) as households,
                               count(c.household_id) as covered,
                               count(*) filter (where c.household_id is null and pc.household_id is null and hh.created_at < g.start_at) as overdue
                        from registry_household hh
                        join g on g.grid_code = hh.grid_code
                        left join fieldwork_visit_cover c on c.household_id = hh.id and c.round_start = g.round_start
                        left join fieldwork_visit_cover pc on pc.household_id = hh.id and pc.round_start = g.previous_start
                        group by hh.grid_code, g.round_start""")
                .param("grids", rounds.grids).param("starts", rounds.starts).param("previous", rounds.previous)
                .param("zone", ChinaTime.ZONE_ID)
                .query((RowCallbackHandler) rs -> {
                    String grid = rs.getString("grid_code");
                    long households = rs.getLong("households");
                    LocalDate current = rs.getObject("round_start", LocalDate.class);
                    result.put(grid, new VisitCoverage(grid, households, rs.getLong("covered"), rs.getLong("overdue"),
                            completedRounds(perRound.getOrDefault(grid, Map.of()), households, current)));
                });
        return result;
    }

    /**
     * Rounds up to the current one in which as many households were covered in the grid (the grid of the visit) as
     * the grid has today: all of them. Counted from the covers by their grid index, not by joining every household.
     */
    static long completedRounds(Map<LocalDate, Long> coveredPerRound, long households, LocalDate currentStart) {
        if (households == 0) {
            return 0;
        }
        return coveredPerRound.entrySet().stream()
                .filter(e -> !e.getKey().isAfter(currentStart) && e.getValue() >= households).count();
    }

    /**
     * The grid codes the patterns stand for, from the grid register: the queries then match households by
     * {@code grid_code = any(…)}, which reads the grid index, where {@code like any(…)} scanned every household
     * (the index is not a pattern index).
     */
    static List<String> gridCodes(String[] patterns, Grids grids) {
        java.util.TreeSet<String> codes = new java.util.TreeSet<>();
        for (String pattern : patterns) {
            if (pattern.endsWith("%")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                codes.addAll(grids.comprehensiveGridCodes(prefix));
                codes.addAll(grids.dedicatedGridCodes(prefix));
            } else {
                codes.add(pattern);
            }
        }
        return List.copyOf(codes);
    }

    /** Each grid under the patterns, with the current and previous round of its cycle. */
    private RoundTable roundTable(String[] patterns) {
        List<String> codes = gridCodes(patterns, grids);
        Map<String, VisitCycle> own = cycles.own();
        LocalDate today = cycles.today();
        int n = codes.size();
        String[] gridCodes = codes.toArray(String[]::new);
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] previous = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            VisitCycle cycle = own.getOrDefault(gridCodes[i], cycles.defaultCycle());
            VisitCycle.Round round = cycle.roundOf(today);
            starts[i] = round.start();
            ends[i] = round.end();
            previous[i] = cycle.round(round.number() - 1).start();
        }
        return new RoundTable(gridCodes, iso(starts), iso(previous), iso(ends));
    }

    /** Per grid its round's first day, the previous round's and the day after the round (ISO dates: the driver takes no LocalDate[]). */
    private record RoundTable(String[] grids, String[] starts, String[] previous, String[] ends) {
    }

    private static String[] iso(LocalDate[] days) {
        return Arrays.stream(days).map(LocalDate::toString).toArray(String[]::new);
    }

    private record Household(long id, String gridCode, String address, double lat, double lon) {
    }

    private Household household(long householdId, VisitScope scope) {
        return jdbc.sql("""
                        select hh.id, hh.grid_code, b.address, h.room, b.lat, b.lon from registry_household hh
                        join registry_house h on h.id = hh.house_id join registry_building b on b.id = h.building_id
                        where hh.id = :id""")
                .param("id", householdId)
                .query((rs, n) -> new Household(rs.getLong("id"), rs.getString("grid_code"),
                        rs.getString("address") + " " + rs.getString("room"), rs.getDouble("lat"), rs.getDouble("lon")))
                .optional().filter(h -> scope.covers(h.gridCode()))
                .orElseThrow(() -> LocalizedException.notFound("fieldwork.error.householdNotFound", householdId));
    }

    private String gridOfHousehold(long householdId, VisitScope scope) {
        return household(householdId, scope).gridCode();
    }

    private Optional<Visit> byRequest(long userId, String requestId) {
        return jdbc.sql(VISIT + " where v.user_id = :user and v.request_id = :request")
                .param("user", userId).param("request", requestId).query(Visits::visit).optional();
    }

    private static final String VISIT = """
            select v.*, coalesce((select array_agg(cv.person_id order by cv.person_id) from fieldwork_care_visit cv
                                  where cv.visit_id = v.id), '{}') as met
            from fieldwork_visit v""";

    static Visit visit(ResultSet rs, int row) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("household_id"), rs.getString("grid_code"),
                rs.getObject("round_start", LocalDate.class), rs.getLong("user_id"), rs.getTimestamp("at").toInstant(),
                rs.getBoolean("present"), rs.getString("needs"), enums(rs.getArray("need_kinds"), NeedKind.class),
                enums(rs.getArray("services"), DoorService.class), rs.getString("note"), strings(rs.getArray("photo_ids")),
                Arrays.asList((Long[]) rs.getArray("met").getArray()), (Long) rs.getObject("order_id"),
                rs.getString("order_number"), rs.getBoolean("counted"));
    }

    static String gridCode(String text) {
        String code = text.strip();
        if (code.length() != 15 || !code.chars().allMatch(Character::isDigit)) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "grid");
        }
        return code;
    }

    static String areaCode(String text) {
        String code = text.strip();
        if (!(code.length() == 6 || code.length() == 9 || code.length() == 12 || code.length() == 15) || !code.chars().allMatch(Character::isDigit)) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "area");
        }
        return code;
    }

    static Set<PersonTag> tags(@Nullable Array array) throws SQLException {
        Set<PersonTag> tags = EnumSet.noneOf(PersonTag.class);
        for (String name : strings(array)) {
            try {
                tags.add(PersonTag.valueOf(name));
            } catch (IllegalArgumentException e) {
                // a tag this version does not know: not a care tag here
            }
        }
        return tags;
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable Array array, Class<E> type) throws SQLException {
        Set<E> result = new LinkedHashSet<>();
        for (String name : strings(array)) {
            result.add(Enum.valueOf(type, name));
        }
        return result;
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

}
