package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.geo.Grids;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.registry.PersonTag;
import org.yiwang.registry.RegisterQueries;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;

/**
 * 关爱走访 — every person with a care tag (独居老人 weekly, 高龄 monthly …, frequencies from {@link PersonTag}) is
 * due a visit by the shortest frequency of their tags ({@link CareDue}). A household visit that met the person
 * counts; so does a care visit recorded on its own. The 综治 special groups (重点人群) are listed and visited only
 * by the roles the registry lets see them; for others those tags do not exist.
 */
@Service
public class CareVisits {

    static final int MAX_LIST = 500;

    private final JdbcClient jdbc;
    private final Grids grids;
    private final RegisterQueries registers;
    private final Clock clock;

    CareVisits(JdbcClient jdbc, Grids grids, RegisterQueries registers, Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.registers = registers;
        this.clock = clock;
    }

    /** Which care visits a list shows. */
    public enum Filter {
        /** due today or overdue */
        DUE,
        /** overdue only */
        OVERDUE,
        /** everybody with a care tag */
        ALL;

        public static Filter parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return DUE;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("fieldwork.error.visitField", "status");
            }
        }
    }

    /** A person due a care visit, as a worker's list shows them: name masked, visible tags only. */
    public record CarePerson(long personId, String name, int age, String gridCode, @Nullable Long householdId, String address,
                             List<PersonTag> tags, String every, @Nullable LocalDate lastVisit, LocalDate dueOn, CareDue.State state) {
    }

    /** A recorded care visit. */
    public record CareVisit(long id, long personId, long userId, Instant at, String note, @Nullable Long visitId) {
    }

    /** The care visits of the reader's grids (or one grid), the longest overdue first; at most {@value #MAX_LIST}. */
    public List<CarePerson> list(@Nullable String grid, Filter filter, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        String[] patterns = grid == null || grid.isBlank() ? scope.patterns() : scope.within(Visits.gridCode(grid));
        LocalDate today = today();
        return all(patterns, actor).stream()
                .filter(p -> switch (filter) {
                    case ALL -> true;
                    case DUE -> p.state() != CareDue.State.OK;
                    case OVERDUE -> p.state() == CareDue.State.OVERDUE;
                })
                .sorted(Comparator.comparing(CarePerson::dueOn).thenComparing(CarePerson::personId))
                .limit(MAX_LIST).toList();
    }

    /** How many care visits are overdue in the grids the patterns match (for the reader's tags). */
    public long overdue(String[] patterns, Actor actor) {
        return all(patterns, actor).stream().filter(p -> p.state() == CareDue.State.OVERDUE).count();
    }

    /** How many people with care tags the reader's grids (or one grid) have, how many are due a visit today or overdue, and how many overdue. */
    public record Summary(long people, long due, long overdue) {
    }

    public Summary summary(@Nullable String grid, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        String[] patterns = grid == null || grid.isBlank() ? scope.patterns() : scope.within(Visits.gridCode(grid));
        List<CarePerson> all = all(patterns, actor);
        return new Summary(all.size(), all.stream().filter(p -> p.state() != CareDue.State.OK).count(),
                all.stream().filter(p -> p.state() == CareDue.State.OVERDUE).count());
    }

    /** Care visits due today or overdue in one grid, for the command map. */
    public record GridDue(String gridCode, long due, long overdue) {
    }

    /** Per grid of the reader's territory: the people cared for whose visit is due today or overdue (none: left out). */
    public List<GridDue> dueByGrid(Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        Map<String, List<CarePerson>> byGrid = all(scope.patterns(), actor).stream().filter(p -> p.state() != CareDue.State.OK)
                .collect(Collectors.groupingBy(CarePerson::gridCode, java.util.TreeMap::new, Collectors.toList()));
        return byGrid.entrySet().stream().map(e -> new GridDue(e.getKey(), e.getValue().size(),
                e.getValue().stream().filter(p -> p.state() == CareDue.State.OVERDUE).count())).toList();
    }

    /** Overdue care visits per grid of the care groups only (the special groups are not an assessment figure). */
    Map<String, Long> overdueByGrid(String[] gridCodes) {
        if (gridCodes.length == 0) {
            return Map.of();
        }
        return all(gridCodes, careTags()).stream().filter(p -> p.state() == CareDue.State.OVERDUE)
                .collect(Collectors.groupingBy(CarePerson::gridCode, Collectors.counting()));
    }

    /** Overdue care visits in the reader's own scope. */
    public long overdue(Actor actor) {
        return overdue(VisitScope.of(actor, grids).patterns(), actor);
    }

    private List<CarePerson> all(String[] patterns, Actor actor) {
        return all(patterns, visibleTags(actor));
    }

    private List<CarePerson> all(String[] patterns, Set<PersonTag> visible) {
        if (patterns.length == 0) {
            return List.of();
        }
        LocalDate today = today();
        return jdbc.sql("""
                        select p.id, p.name, p.birth_date, p.grid_code, p.household_id, p.tags, p.created_at, b.address, h.room,
                               (select max(cv.at) from fieldwork_care_visit cv where cv.person_id = p.id) as last_visit
                        from registry_person p join registry_house h on h.id = p.house_id join registry_building b on b.id = h.building_id
                        where p.deleted_at is null and p.grid_code = any (cast(:grids as varchar[])) and p.tags && cast(:tags as varchar[])""")
                .param("grids", Visits.gridCodes(patterns, grids).toArray(String[]::new)).param("tags", visible.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> {
                    List<PersonTag> tags = Visits.tags(rs.getArray("tags")).stream().filter(visible::contains).sorted().toList();
                    Period every = tags.stream().map(PersonTag::visitEvery).min(Comparator.comparingLong(CareVisits::days)).orElseThrow();
                    Timestamp last = rs.getTimestamp("last_visit");
                    LocalDate lastVisit = last == null ? null : LocalDate.ofInstant(last.toInstant(), ChinaTime.ZONE);
                    CareDue due = CareDue.of(every, lastVisit, LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), ChinaTime.ZONE));
                    return new CarePerson(rs.getLong("id"), PersonalData.maskName(rs.getString("name")),
                            Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(), rs.getString("grid_code"),
                            (Long) rs.getObject("household_id"), rs.getString("address") + " " + rs.getString("room"), tags,
                            every.toString(), lastVisit, due.dueOn(), due.state(today));
                })
                .list();
    }

    /** Records a care visit of one person of the reader's grids; the same request id answers the first visit. */
    public CareVisit record(long personId, @Nullable String note, @Nullable String requestId, Actor actor) {
        VisitScope scope = VisitScope.of(actor, grids);
        scope.requireRecorder();
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "requestId");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > RecordVisit.MAX_TEXT) {
            throw LocalizedException.badRequest("fieldwork.error.visitTextTooLong", "note", RecordVisit.MAX_TEXT);
        }
        Set<PersonTag> visible = visibleTags(actor);
        String grid = jdbc.sql("select grid_code, tags from registry_person where id = :id and deleted_at is null")
                .param("id", personId)
                .query((rs, n) -> Visits.tags(rs.getArray("tags")).stream().anyMatch(visible::contains) ? rs.getString("grid_code") : null)
                .optional().filter(g -> g != null && scope.covers(g))
                .orElseThrow(() -> LocalizedException.notFound("fieldwork.error.carePersonNotFound", personId));
        Optional<CareVisit> earlier = byRequest(actor.userId(), requestId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        jdbc.sql("""
                        insert into fieldwork_care_visit (person_id, district_code, grid_code, user_id, request_id, at, note)
                        values (:person, :district, :grid, :user, :request, :at, :note) on conflict (user_id, request_id) do nothing""")
                .param("person", personId).param("district", grid.substring(0, 6)).param("grid", grid)
                .param("user", actor.userId()).param("request", requestId).param("at", Timestamp.from(clock.instant()))
                .param("note", text).update();
        return byRequest(actor.userId(), requestId).orElseThrow();
    }

    private Optional<CareVisit> byRequest(long userId, String requestId) {
        return jdbc.sql("select * from fieldwork_care_visit where user_id = :user and request_id = :request")
                .param("user", userId).param("request", requestId)
                .query((rs, n) -> new CareVisit(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("user_id"),
                        rs.getTimestamp("at").toInstant(), rs.getString("note"), (Long) rs.getObject("visit_id")))
                .optional();
    }

    private Set<PersonTag> visibleTags(Actor actor) {
        boolean special = registers.seesSpecialGroups(actor);
        Set<PersonTag> tags = java.util.EnumSet.noneOf(PersonTag.class);
        for (PersonTag tag : PersonTag.values()) {
            if (special || !tag.special()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static Set<PersonTag> careTags() {
        Set<PersonTag> tags = java.util.EnumSet.noneOf(PersonTag.class);
        for (PersonTag tag : PersonTag.values()) {
            if (!tag.special()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    /** A frequency in days, to compare weeks with months (a month counted as 30 days). */
    static long days(Period period) {
        return period.toTotalMonths() * 30 + period.getDays();
    }
}
