package org.yiwang.cogov.alliance;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 党建联盟: the member units of a street's party-building alliance and their 为民服务实事项目 (projects for the people),
 * kept by the street's command centre and the community staff of that street; progress only moves forward, from 0 to
 * 100 % (done), every report kept with a note; the projects are shown to every signed-in user (公示), the units'
 * management only to staff of the street. Every change goes to the ledger (stream {@code alliance}).
 */
@Service
public class Alliance {

    public static final String LEDGER_STREAM = "alliance";
    private static final Pattern STREET = Pattern.compile("[0-9]{9}(000)?");
    private static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");

    private static final String PROJECT = """
            SELECT p.id, p.unit_id, u.name AS unit_name, p.street_code, p.community_code, p.title, p.description, p.due_on, p.progress,
                   p.updated_at FROM cogov_project p JOIN cogov_alliance_unit u ON u.id = p.unit_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final Clock clock;

    Alliance(JdbcClient jdbc, TransactionTemplate transactions, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A member unit (成员单位). */
    public record AllianceUnit(long id, String streetCode, String name, String kind, int projects) {
    }

    /** A 实事项目 with its latest progress. */
    public record AllianceProject(long id, long unitId, String unitName, String streetCode, @Nullable String communityCode, String title,
                          String description, LocalDate due, int progress, boolean done, boolean overdue, Instant updatedAt) {
    }

    /** One progress report. */
    public record ProjectUpdate(int progress, String note, String byName, Instant at) {
    }

    public static boolean manages(Actor actor, String code) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.ADMIN) && actor.scope().covers(code);
    }

    /** Street staff can manage the street's alliance: street dispatchers cover it; community staff only their community. */
    private static void requireStreet(Actor actor, String street, String field) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        boolean covers = actor.scope().covers(street)
                || actor.scope().divisionPrefixes().stream().anyMatch(p -> p.length() == 12 && p.startsWith(street));
        if (!covers) {
            throw LocalizedException.badRequest("cogov.error.outOfScope", field, street);
        }
    }

    public AllianceUnit addUnit(@Nullable String streetCode, @Nullable String name, @Nullable String kind, Actor actor) {
        String street = code(streetCode, STREET, "streetCode").substring(0, 9);
        String n = text(name, "name", 100);
        String k = text(kind, "kind", 30);
        requireStreet(actor, street, "streetCode");
        Long id = transactions.execute(tx -> {
            Long made = jdbc.sql("""
                            INSERT INTO cogov_alliance_unit (district_code, street_code, name, kind, joined_at) VALUES (:d, :s, :n, :k, :now)
                            ON CONFLICT DO NOTHING RETURNING id""")
                    .param("d", street.substring(0, 6)).param("s", street).param("n", n).param("k", k).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .query(Long.class).optional().orElseThrow(() -> LocalizedException.conflict("cogov.alliance.error.exists", n));
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "unit-" + made, street, "JOIN", clock.instant(), actor.userId(), Map.of("kind", k)));
            return made;
        });
        return units(actor).stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    /** The units of the streets the reader works in (community staff: their community's street). */
    public List<AllianceUnit> units(Actor reader) {
        if (!reader.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql("""
                        SELECT u.id, u.street_code, u.name, u.kind, (SELECT count(*) FROM cogov_project p WHERE p.unit_id = u.id) AS projects
                          FROM cogov_alliance_unit u WHERE u.street_code LIKE ANY (:scope) OR u.street_code = ANY (:streets)
                         ORDER BY u.street_code, u.name LIMIT 1000""")
                .param("scope", reader.scope().likePatterns()).param("streets", streets(reader))
                .query((rs, n) -> new AllianceUnit(rs.getLong("id"), rs.getString("street_code"), rs.getString("name"), rs.getString("kind"),
                        rs.getInt("projects")))
                .list();
    }

    public AllianceProject addProject(long unitId, @Nullable String communityCode, @Nullable String title, @Nullable String description,
                              @Nullable LocalDate due, Actor actor) {
        String street = jdbc.sql("SELECT street_code FROM cogov_alliance_unit WHERE id = :id").param("id", unitId).query(String.class).optional()
                .orElseThrow(() -> LocalizedException.badRequest("cogov.error.invalid", "unitId", unitId));
        requireStreet(actor, street, "unitId");
        String community = communityCode == null || communityCode.isBlank() ? null : code(communityCode, COMMUNITY, "communityCode");
        if (community != null && !community.startsWith(street)) {
            throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", community);
        }
        String t = text(title, "title", 100);
        String d = text(description, "description", 2000);
        if (due == null) {
            throw LocalizedException.badRequest("cogov.error.required", "due");
        }
        Long id = transactions.execute(tx -> {
            Instant now = clock.instant();
            long made = jdbc.sql("""
                            INSERT INTO cogov_project (unit_id, street_code, community_code, title, description, due_on, created_at, updated_at)
                            VALUES (:u, :s, :c, :t, :d, :due, :now, :now) RETURNING id""")
                    .param("u", unitId).param("s", street).param("c", community).param("t", t).param("d", d).param("due", due)
                    .param("now", now.atOffset(ZoneOffset.UTC)).query(Long.class).single();
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "project-" + made, street, "ADD", now, actor.userId(), Map.of("unit", unitId)));
            return made;
        });
        return project(id);
    }

    /** 进度: forward only, 0–100; the note says what was done. */
    public AllianceProject report(long projectId, @Nullable Integer progress, @Nullable String note, Actor actor) {
        AllianceProject p = project(projectId);
        requireStreet(actor, p.streetCode(), "projectId");
        if (progress == null || progress < 0 || progress > 100) {
            throw LocalizedException.badRequest("cogov.error.invalid", "progress", String.valueOf(progress));
        }
        String n = text(note, "note", 1000);
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            int changed = jdbc.sql("UPDATE cogov_project SET progress = :p, updated_at = :now WHERE id = :id AND progress <= :p")
                    .param("p", progress).param("now", now.atOffset(ZoneOffset.UTC)).param("id", projectId).update();
            if (changed == 0) {
                throw LocalizedException.badRequest("cogov.alliance.error.backwards", "progress", progress);
            }
            jdbc.sql("INSERT INTO cogov_project_update (project_id, progress, note, by_name, at) VALUES (:id, :p, :n, :by, :now)")
                    .param("id", projectId).param("p", progress).param("n", n).param("by", actor.displayName())
                    .param("now", now.atOffset(ZoneOffset.UTC)).update();
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "project-" + projectId, p.streetCode(), "PROGRESS", now, actor.userId(),
                    Map.of("progress", progress)));
        });
        return project(projectId);
    }

    /** 实事项目公示: every project, unfinished first by deadline, for every signed-in user. */
    public List<AllianceProject> display() {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return jdbc.sql(PROJECT + " ORDER BY p.progress = 100, p.due_on, p.id LIMIT 500").query((rs, n) -> row(rs, today)).list();
    }

    public List<ProjectUpdate> updates(long projectId) {
        return jdbc.sql("SELECT progress, note, by_name, at FROM cogov_project_update WHERE project_id = :id ORDER BY id DESC")
                .param("id", projectId)
                .query((rs, n) -> new ProjectUpdate(rs.getInt("progress"), rs.getString("note"), rs.getString("by_name"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public AllianceProject project(long id) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return jdbc.sql(PROJECT + " WHERE p.id = :id").param("id", id).query((rs, n) -> row(rs, today)).optional()
                .orElseThrow(() -> LocalizedException.notFound("cogov.alliance.error.noProject", id));
    }

    private static String[] streets(Actor reader) {
        return reader.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).map(p -> p.substring(0, 9)).toArray(String[]::new);
    }

    private static AllianceProject row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        int progress = rs.getInt("progress");
        return new AllianceProject(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("street_code"),
                rs.getString("community_code"), rs.getString("title"), rs.getString("description"), due, progress, progress == 100,
                progress < 100 && due.isBefore(today), rs.getTimestamp("updated_at").toInstant());
    }

    private static String code(@Nullable String value, Pattern pattern, String field) {
        if (value == null || value.isBlank()) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        String v = value.strip();
        if (!pattern.matcher(v).matches()) {
            throw LocalizedException.badRequest("cogov.error.invalid", field, v);
        }
        return v;
    }

    private static String text(@Nullable String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        if (v.length() > max) {
            throw LocalizedException.badRequest("cogov.error.tooLong", field, max);
        }
        return v;
    }
}
