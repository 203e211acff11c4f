package org.yiwang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 个人信息查看留痕 — personal data is masked everywhere by default; a user whose work needs the real
 * phone, ID number or words (to call a resident back) asks to have it shown, gives a reason, and this
 * record of who saw whose data, when and why is written in the same transaction. Administrators read
 * the records ({@link #recent}); nothing here is ever updated or deleted.
 */
@Component
public class PersonalDataAccess {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAccess.class);
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One "show": {@code fields} of {@code subjectType}/{@code subjectId} were shown to {@code viewer} because of {@code reason}. */
    public record Shown(long id, Instant at, long userId, String username, String subjectType, String subjectId,
                        String districtCode, List<String> fields, String reason) {
    }

    /**
     * Records that {@code viewer} is shown the given fields; the caller has already checked that the
     * viewer may read the subject. A missing, over-long or NUL-bearing reason is refused (400).
     */
    public Shown record(Actor viewer, String subjectType, String subjectId, String districtCode, List<String> fields, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw LocalizedException.badRequest("platform.reveal.reasonRequired");
        }
        if (why.length() > MAX_REASON || why.indexOf('\0') >= 0) {
            throw LocalizedException.badRequest("platform.reveal.reasonInvalid", MAX_REASON);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into platform_personal_data_access (at, user_id, username, subject_type, subject_id, district_code, fields, reason)
                        values (:at, :user, :username, :type, :subject, :district, :fields, :reason) returning id""")
                .param("at", Timestamp.from(now)).param("user", viewer.userId()).param("username", viewer.username())
                .param("type", subjectType).param("subject", subjectId).param("district", districtCode)
                .param("fields", String.join(",", fields)).param("reason", why)
                .query(Long.class).single();
        log.info("personal data of {} {} ({}) shown to {}: {}", subjectType, subjectId, String.join(",", fields), viewer.username(), why);
        return new Shown(id, now, viewer.userId(), viewer.username(), subjectType, subjectId, districtCode, fields, why);
    }

    /** The newest records an administrator may read (their territory; city-wide administrators all), optionally of one user. */
    public List<Shown> recent(Actor viewer, String username, int page, int size) {
        if (!viewer.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        String[] patterns = viewer.scope().likePatterns();
        return jdbc.sql("""
                        select id, at, user_id, username, subject_type, subject_id, district_code, fields, reason
                        from platform_personal_data_access
                        where (district_code is null or district_code like any (:patterns))
                          and (:username = '' or username = :username)
                        order by at desc, id desc limit :size offset :offset""")
                .param("patterns", patterns).param("username", username == null ? "" : username.strip())
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Shown(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getLong("user_id"),
                        rs.getString("username"), rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getString("district_code"), List.of(rs.getString("fields").split(",")), rs.getString("reason")))
                .list();
    }
}
