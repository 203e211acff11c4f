package org.yiwang.cogov.volunteer;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 志愿者 and 红色服务队: community staff keep the register of their community's volunteers and publish activities;
 * residents sign up on the phone (becoming a volunteer of the activity's community on their first sign-up), sign in
 * on the day, and when staff close the activity each volunteer who signed in earns its hours and points. Points are
 * redeemed by the volunteer; a balance never goes below zero — the update is conditional and the column has a check,
 * so two redemptions at once cannot both spend the same points. Every change of points is journaled with the balance
 * after it and appended to the ledger (stream {@code volunteer}).
 */
@Service
public class Volunteers {

    public static final String LEDGER_STREAM = "volunteer";
    /** How long before its start an activity accepts sign-ins. */
    static final Duration SIGN_IN_EARLY = Duration.ofMinutes(30);

    private static final String ACTIVITY = """
            SELECT id, community_code, title, description, place, starts_at, ends_at, capacity, signed_up, points, red_team, closed_at
              FROM cogov_activity""";
    private static final String VOLUNTEER = """
            SELECT id, user_id, community_code, name, phone, skills, red_team, points, minutes_served FROM cogov_volunteer""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final People people;
    private final Organization organization;
    private final Ledger ledger;
    private final Clock clock;

    Volunteers(JdbcClient jdbc, TransactionTemplate transactions, People people, Organization organization, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
        this.organization = organization;
        this.ledger = ledger;
        this.clock = clock;
    }

    public static boolean manages(Actor actor, String communityCode) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN) && actor.scope().covers(communityCode);
    }

    public static boolean readsRegister(Actor actor) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN);
    }

    // ---- register

    /** 登记志愿者: staff register a user of their community by username. */
    public Volunteering.Volunteer register(String username, Volunteering.Register command, Actor actor) {
        if (!manages(actor, command.communityCode())) {
            throw actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN)
                    ? LocalizedException.badRequest("cogov.error.outOfScope", "communityCode", command.communityCode())
                    : LocalizedException.forbidden("error.forbidden");
        }
        UserSummary user = people.findByUsername(username == null ? "" : username.strip()).filter(UserSummary::enabled)
                .orElseThrow(() -> LocalizedException.badRequest("cogov.council.error.noSuchUser", "username", username));
        return enrol(user.id(), user.displayName(), command);
    }

    private Volunteering.Volunteer enrol(long userId, String name, Volunteering.Register command) {
        if (organization.officeOf(command.communityCode()).isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", command.communityCode());
        }
        int made = jdbc.sql("""
                        INSERT INTO cogov_volunteer (user_id, community_code, name, phone, skills, red_team, joined_at)
                        VALUES (:u, :c, :n, :p, :s, :r, :now) ON CONFLICT (user_id) DO NOTHING""")
                .param("u", userId).param("c", command.communityCode()).param("n", name).param("p", command.phone())
                .param("s", command.skills()).param("r", command.redTeam()).param("now", at(clock.instant())).update();
        if (made == 0) {
            throw LocalizedException.conflict("cogov.volunteer.error.registered", name);
        }
        return byUser(userId).orElseThrow();
    }

    /** The register of the reader's territory. */
    public List<Volunteering.Volunteer> register(Actor reader) {
        if (!readsRegister(reader)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql(VOLUNTEER + " WHERE community_code LIKE ANY (:scope) ORDER BY points DESC, id LIMIT 500")
                .param("scope", reader.scope().likePatterns()).query(Volunteers::volunteerRow).list();
    }

    public Optional<Volunteering.Volunteer> byUser(long userId) {
        return jdbc.sql(VOLUNTEER + " WHERE user_id = :u").param("u", userId).query(Volunteers::volunteerRow).optional();
    }

    public List<Volunteering.PointsEntry> points(long volunteerId) {
        return jdbc.sql("SELECT delta, balance, reason, at FROM cogov_points WHERE volunteer_id = :v ORDER BY id DESC LIMIT 100")
                .param("v", volunteerId)
                .query((rs, n) -> new Volunteering.PointsEntry(rs.getInt("delta"), rs.getInt("balance"), rs.getString("reason"), instant(rs, "at")))
                .list();
    }

    // ---- activities

    public Volunteering.VolunteerActivity publish(Volunteering.NewActivity command, Actor actor) {
        if (!manages(actor, command.communityCode())) {
            throw actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN)
                    ? LocalizedException.badRequest("cogov.error.outOfScope", "communityCode", command.communityCode())
                    : LocalizedException.forbidden("error.forbidden");
        }
        Instant starts = command.startsAt().atZone(ChinaTime.ZONE).toInstant();
        Instant ends = command.endsAt().atZone(ChinaTime.ZONE).toInstant();
        if (ends.isBefore(clock.instant())) {
            throw LocalizedException.badRequest("cogov.error.past", "endsAt");
        }
        Long id = transactions.execute(tx -> {
            long made = jdbc.sql("""
                            INSERT INTO cogov_activity (community_code, title, description, place, starts_at, ends_at, capacity, points,
                                                        red_team, created_at)
                            VALUES (:c, :t, :d, :p, :s, :e, :cap, :pts, :red, :now) RETURNING id""")
                    .param("c", command.communityCode()).param("t", command.title()).param("d", command.description())
                    .param("p", command.place()).param("s", at(starts)).param("e", at(ends)).param("cap", command.capacity())
                    .param("pts", command.points()).param("red", command.redTeam()).param("now", at(clock.instant()))
                    .query(Long.class).single();
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "activity-" + made, command.communityCode(), "PUBLISH", clock.instant(),
                    actor.userId(), Map.of("points", command.points(), "capacity", command.capacity())));
            return made;
        });
        return activity(id);
    }

    /** Activities not yet closed that end in the future, soonest first: the phone's list (public). */
    public List<Volunteering.VolunteerActivity> upcoming() {
        return jdbc.sql(ACTIVITY + " WHERE closed_at IS NULL AND ends_at > :now ORDER BY starts_at, id LIMIT 100")
                .param("now", at(clock.instant())).query(Volunteers::activityRow).list();
    }

    /** The territory's activities, newest first. */
    public List<Volunteering.VolunteerActivity> activities(Actor reader) {
        if (!readsRegister(reader)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql(ACTIVITY + " WHERE community_code LIKE ANY (:scope) ORDER BY starts_at DESC, id DESC LIMIT 200")
                .param("scope", reader.scope().likePatterns()).query(Volunteers::activityRow).list();
    }

    public Volunteering.VolunteerActivity activity(long id) {
        return jdbc.sql(ACTIVITY + " WHERE id = :id").param("id", id).query(Volunteers::activityRow).optional()
                .orElseThrow(() -> LocalizedException.notFound("cogov.volunteer.error.noActivity", id));
    }

    public List<Volunteering.ActivitySignup> signups(long activityId, Actor reader) {
        Volunteering.VolunteerActivity a = activity(activityId);
        if (!(readsRegister(reader) && reader.scope().covers(a.communityCode()))) {
            throw LocalizedException.notFound("cogov.volunteer.error.noActivity", activityId);
        }
        return jdbc.sql("""
                        SELECT s.activity_id, s.volunteer_id, v.name, s.signed_up_at, s.signed_in_at, s.minutes
                          FROM cogov_signup s JOIN cogov_volunteer v ON v.id = s.volunteer_id WHERE s.activity_id = :a ORDER BY s.signed_up_at""")
                .param("a", activityId)
                .query((rs, n) -> new Volunteering.ActivitySignup(rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                        PersonalData.maskName(rs.getString("name")), instant(rs, "signed_up_at"), instant(rs, "signed_in_at"),
                        integer(rs, "minutes")))
                .list();
    }

    /** The activities the user signed up for, with their sign-in. */
    public List<Volunteering.ActivitySignup> mySignups(Actor actor) {
        return jdbc.sql("""
                        SELECT s.activity_id, s.volunteer_id, v.name, s.signed_up_at, s.signed_in_at, s.minutes
                          FROM cogov_signup s JOIN cogov_volunteer v ON v.id = s.volunteer_id WHERE v.user_id = :u
                         ORDER BY s.signed_up_at DESC LIMIT 100""")
                .param("u", actor.userId())
                .query((rs, n) -> new Volunteering.ActivitySignup(rs.getLong("activity_id"), rs.getLong("volunteer_id"),
                        PersonalData.maskName(rs.getString("name")), instant(rs, "signed_up_at"), instant(rs, "signed_in_at"),
                        integer(rs, "minutes")))
                .list();
    }

    /**
     * 报名: a place on the activity (a volunteer of its community is registered on the first sign-up); refused when full,
     * closed or over, and once only per volunteer — the activity row is locked, so concurrent sign-ups never overfill it.
     */
    public Volunteering.VolunteerActivity signUp(long activityId, Actor actor) {
        transactions.executeWithoutResult(tx -> {
            Volunteering.VolunteerActivity a = jdbc.sql(ACTIVITY + " WHERE id = :id FOR UPDATE").param("id", activityId).query(Volunteers::activityRow)
                    .optional().orElseThrow(() -> LocalizedException.notFound("cogov.volunteer.error.noActivity", activityId));
            Instant now = clock.instant();
            if (a.closedAt() != null || !a.endsAt().isAfter(now)) {
                throw LocalizedException.conflict("cogov.volunteer.error.over", a.title());
            }
            Volunteering.Volunteer v = byUser(actor.userId()).orElseGet(() ->
                    enrol(actor.userId(), actor.displayName(), new Volunteering.Register(a.communityCode(), null, null, false)));
            if (a.signedUp() >= a.capacity()) {
                throw LocalizedException.conflict("cogov.volunteer.error.full", a.title());
            }
            int added = jdbc.sql("INSERT INTO cogov_signup (activity_id, volunteer_id, signed_up_at) VALUES (:a, :v, :now) ON CONFLICT DO NOTHING")
                    .param("a", activityId).param("v", v.id()).param("now", at(now)).update();
            if (added == 0) {
                throw LocalizedException.conflict("cogov.volunteer.error.signedUp", a.title());
            }
            jdbc.sql("UPDATE cogov_activity SET signed_up = signed_up + 1 WHERE id = :id").param("id", activityId).update();
        });
        return activity(activityId);
    }

    /** 签到: from half an hour before the start until the end, once. */
    public Volunteering.VolunteerActivity signIn(long activityId, Actor actor) {
        transactions.executeWithoutResult(tx -> {
            Volunteering.VolunteerActivity a = activity(activityId);
            Instant now = clock.instant();
            if (now.isBefore(a.startsAt().minus(SIGN_IN_EARLY)) || !now.isBefore(a.endsAt()) || a.closedAt() != null) {
                throw LocalizedException.conflict("cogov.volunteer.error.notNow", a.title());
            }
            Volunteering.Volunteer v = byUser(actor.userId())
                    .orElseThrow(() -> LocalizedException.conflict("cogov.volunteer.error.notSignedUp", a.title()));
            int done = jdbc.sql("UPDATE cogov_signup SET signed_in_at = :now WHERE activity_id = :a AND volunteer_id = :v AND signed_in_at IS NULL")
                    .param("now", at(now)).param("a", activityId).param("v", v.id()).update();
            if (done == 0) {
                throw LocalizedException.conflict("cogov.volunteer.error.notSignedUp", a.title());
            }
        });
        return activity(activityId);
    }

    /**
     * 结束活动: every volunteer who signed in is credited the activity's length as service time and its points; once — a
     * closed activity refuses a second close.
     */
    public Volunteering.VolunteerActivity close(long activityId, Actor actor) {
        transactions.executeWithoutResult(tx -> {
            Volunteering.VolunteerActivity a = jdbc.sql(ACTIVITY + " WHERE id = :id FOR UPDATE").param("id", activityId).query(Volunteers::activityRow)
                    .optional().orElseThrow(() -> LocalizedException.notFound("cogov.volunteer.error.noActivity", activityId));
            if (!manages(actor, a.communityCode())) {
                throw readsRegister(actor) && actor.scope().covers(a.communityCode()) ? LocalizedException.forbidden("error.forbidden")
                        : LocalizedException.notFound("cogov.volunteer.error.noActivity", activityId);
            }
            if (a.closedAt() != null) {
                throw LocalizedException.conflict("cogov.volunteer.error.closed", a.title());
            }
            Instant now = clock.instant();
            if (now.isBefore(a.startsAt())) {
                throw LocalizedException.conflict("cogov.volunteer.error.notStarted", a.title());
            }
            int minutes = (int) Duration.between(a.startsAt(), a.endsAt()).toMinutes();
            List<Long> present = jdbc.sql("SELECT volunteer_id FROM cogov_signup WHERE activity_id = :a AND signed_in_at IS NOT NULL ORDER BY volunteer_id")
                    .param("a", activityId).query(Long.class).list();
            for (long volunteer : present) {
                jdbc.sql("UPDATE cogov_signup SET minutes = :m WHERE activity_id = :a AND volunteer_id = :v")
                        .param("m", minutes).param("a", activityId).param("v", volunteer).update();
                jdbc.sql("UPDATE cogov_volunteer SET minutes_served = minutes_served + :m WHERE id = :v").param("m", minutes).param("v", volunteer).update();
                change(volunteer, a.points(), "活动：" + a.title(), activityId, a.communityCode(), actor, now);
            }
            jdbc.sql("UPDATE cogov_activity SET closed_at = :now WHERE id = :id").param("now", at(now)).param("id", activityId).update();
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "activity-" + activityId, a.communityCode(), "CLOSE", now, actor.userId(),
                    Map.of("present", present.size(), "minutes", minutes, "points", a.points())));
        });
        return activity(activityId);
    }

    /** 积分兑换 by the volunteer themselves; 409 when the balance does not cover it (never below zero). */
    public Volunteering.Volunteer redeem(Volunteering.Redeem command, Actor actor) {
        Volunteering.Volunteer v = byUser(actor.userId())
                .orElseThrow(() -> LocalizedException.conflict("cogov.volunteer.error.notVolunteer"));
        transactions.executeWithoutResult(tx -> change(v.id(), -command.points(), "兑换：" + command.item(), null, v.communityCode(), actor,
                clock.instant()));
        return byUser(actor.userId()).orElseThrow();
    }

    void change(long volunteerId, int delta, String reason, @Nullable Long activityId, String community, Actor actor, Instant now) {
        Optional<Integer> balance;
        try {
            balance = jdbc.sql("UPDATE cogov_volunteer SET points = points + :d WHERE id = :v AND points + :d >= 0 RETURNING points")
                    .param("d", delta).param("v", volunteerId).query(Integer.class).optional();
        } catch (DataIntegrityViolationException e) {
            balance = Optional.empty();
        }
        if (balance.isEmpty()) {
            throw LocalizedException.conflict("cogov.volunteer.error.notEnoughPoints");
        }
        jdbc.sql("INSERT INTO cogov_points (volunteer_id, delta, balance, reason, activity_id, at) VALUES (:v, :d, :b, :r, :a, :at)")
                .param("v", volunteerId).param("d", delta).param("b", balance.get()).param("r", reason).param("a", activityId)
                .param("at", at(now)).update();
        ledger.append(LedgerRecord.of(LEDGER_STREAM, "volunteer-" + volunteerId, community, delta >= 0 ? "EARN" : "REDEEM", now,
                actor.userId(), Map.of("delta", delta, "balance", balance.get())));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Volunteering.Volunteer volunteerRow(ResultSet rs, int n) throws SQLException {
        String phone = rs.getString("phone");
        return new Volunteering.Volunteer(rs.getLong("id"), rs.getLong("user_id"), rs.getString("community_code"),
                PersonalData.maskName(rs.getString("name")), phone == null ? null : PersonalData.maskPhone(phone), rs.getString("skills"),
                rs.getBoolean("red_team"), rs.getInt("points"), rs.getInt("minutes_served"));
    }

    private static Volunteering.VolunteerActivity activityRow(ResultSet rs, int n) throws SQLException {
        return new Volunteering.VolunteerActivity(rs.getLong("id"), rs.getString("community_code"), rs.getString("title"), rs.getString("description"),
                rs.getString("place"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("capacity"), rs.getInt("signed_up"),
                rs.getInt("points"), rs.getBoolean("red_team"), instant(rs, "closed_at"));
    }
}
