package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of 一网通办 for the command centre and assessment, over the actor's territory and a period of submission
 * days: applications by item, level and channel; 即办率 (share of 即办件), 不见面办件量 (online), on-time rate of the ended,
 * 满意率 (ratings 3 to 5 of all ratings), the share approved at community level (seed 003: 30 %), the open 整改 reviews
 * and the queue's average waiting time.
 */
@Service
public class ServiceFigures {

    private final JdbcClient jdbc;

    ServiceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ServiceCount(String key, long count) {
    }

    public record ServiceFigureSet(LocalDate from, LocalDate to, long applications, long ended, long immediate, double immediateRate,
                          long online, double onTimeRate, long rated, double satisfactionRate, long approved, double communityShare,
                          long openReviews, double averageWaitMinutes, List<ServiceCount> byItem, List<ServiceCount> byLevel, List<ServiceCount> byChannel) {
    }

    public ServiceFigureSet figures(@Nullable LocalDate from, @Nullable LocalDate to, Actor actor) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        LocalDate end = to == null ? LocalDate.now(ChinaTime.ZONE).plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(366) : from;
        if (start.isAfter(end)) {
            throw LocalizedException.badRequest("services.error.field", "from");
        }
        Timestamp a = Timestamp.from(start.atStartOfDay(ChinaTime.ZONE).toInstant());
        Timestamp b = Timestamp.from(end.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        String[] scope = actor.scope().likePatterns();
        String where = " from services_application x left join services_item i on i.code = x.item_code"
                + " where x.item_code is not null and x.community_code like any(:scope) and x.submitted_at >= :a and x.submitted_at < :b";
        record Totals(long all, long ended, long immediate, long online, long onTime, long timed, long rated, long satisfied,
                      long approved, long community) {
        }
        Totals t = jdbc.sql("select count(*), count(*) filter (where x.ended_at is not null),"
                        + " count(*) filter (where i.kind = 'IMMEDIATE'), count(*) filter (where x.channel = 'ONLINE'),"
                        + " count(*) filter (where x.on_time), count(*) filter (where x.on_time is not null),"
                        + " count(*) filter (where x.rating is not null), count(*) filter (where x.rating >= 3),"
                        + " count(*) filter (where x.approved_level is not null), count(*) filter (where x.approved_level = 'COMMUNITY')" + where)
                .param("scope", scope).param("a", a).param("b", b)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10))).single();
        List<ServiceCount> byItem = jdbc.sql("select i.name, count(*)" + where + " group by i.name order by 2 desc, 1 limit 20")
                .param("scope", scope).param("a", a).param("b", b).query((rs, n) -> new ServiceCount(rs.getString(1), rs.getLong(2))).list();
        List<ServiceCount> byLevel = jdbc.sql("select coalesce(x.approved_level, 'PENDING'), count(*)" + where + " group by 1 order by 1")
                .param("scope", scope).param("a", a).param("b", b).query((rs, n) -> new ServiceCount(rs.getString(1), rs.getLong(2))).list();
        List<ServiceCount> byChannel = jdbc.sql("select x.channel, count(*)" + where + " group by 1 order by 1")
                .param("scope", scope).param("a", a).param("b", b).query((rs, n) -> new ServiceCount(rs.getString(1), rs.getLong(2))).list();
        long reviews = jdbc.sql("select count(*) from services_review where closed_at is null and community_code like any(:scope)")
                .param("scope", scope).query(Long.class).single();
        double wait = jdbc.sql("""
                select coalesce(avg(extract(epoch from called_at - taken_at)), 0) / 60 from services_ticket
                 where called_at is not null and hall_code like any(:scope) and taken_at >= :a and taken_at < :b
                """).param("scope", scope).param("a", a).param("b", b).query(Double.class).single();
        return new ServiceFigureSet(start, end, t.all(), t.ended(), t.immediate(), rate(t.immediate(), t.all()), t.online(),
                rate(t.onTime(), t.timed()), t.rated(), rate(t.satisfied(), t.rated()), t.approved(), rate(t.community(), t.approved()),
                reviews, Math.round(wait * 10) / 10.0, byItem, byLevel, byChannel);
    }

    /** The 好差评 ratings one community received in a period: applications rated, and those rated 4 or 5 (好评). */
    public record CommunityRatings(String communityCode, long rated, long good) {
    }

    /**
     * The 好差评 ratings given from {@code from} to {@code to} (Beijing days, both included) per community, within the
     * communities whose codes start with one of {@code prefixes} — one statement whatever their number (for assessment,
     * which checks its reader's territory itself). Every rated application counts once: an item's, or a 一件事 as a whole.
     */
    public List<CommunityRatings> ratingsByCommunity(List<String> prefixes, LocalDate from, LocalDate to) {
        if (prefixes.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        return jdbc.sql("select community_code, count(*), count(*) filter (where rating >= 4) from services_application"
                        + " where rating is not null and rated_at >= :a and rated_at < :b and community_code like any(:patterns)"
                        + " group by community_code order by community_code")
                .param("a", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
                .param("b", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
                .param("patterns", prefixes.stream().map(p -> p + "%").toArray(String[]::new))
                .query((rs, n) -> new CommunityRatings(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
