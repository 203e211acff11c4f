package org.yiwang.fieldwork;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * 巡查 — a grid worker starts and stops a patrol on the phone, which sends the track in batches; the
 * points are stored once each whatever order and how often they arrive. The time inside the worker's
 * own grids per day follows {@link TimeInGridPolicy} and is held against the daily target (3 hours).
 */
@Service
public class Patrols {

    private final JdbcClient jdbc;
    private final Grids grids;
    private final GridLocator locator;
    private final TimeInGridPolicy policy;
    private final FieldworkProperties properties;
    private final Clock clock;

    Patrols(JdbcClient jdbc, Grids grids, GridLocator locator, TimeInGridPolicy policy, FieldworkProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.grids = grids;
        this.locator = locator;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a patrol, or answers the one already running (a second tap does not start another). */
    @Transactional
    public Patrol start(Actor actor) {
        requireGridWorker(actor);
        Optional<Patrol> running = running(actor);
        if (running.isPresent()) {
            return running.get();
        }
        List<GridSummary> own = grids.gridsOf(actor.userId());
        if (own.isEmpty()) {
            throw LocalizedException.conflict("fieldwork.error.noGrid");
        }
        Instant now = clock.instant();
        try {
            long id = jdbc.sql("insert into fieldwork_patrol (user_id, district_code, started_at) values (:user, :district, :at) returning id")
                    .param("user", actor.userId()).param("district", own.getFirst().code().substring(0, 6))
                    .param("at", Timestamp.from(now)).query(Long.class).single();
            return new Patrol(id, actor.userId(), own.getFirst().code().substring(0, 6), now, null);
        } catch (DuplicateKeyException e) {
            // the other tap won the race: its patrol is the running one
            return running(actor).orElseThrow(() -> e);
        }
    }

    /** The worker's running patrol, if any. */
    public Optional<Patrol> running(Actor actor) {
        return jdbc.sql("select * from fieldwork_patrol where user_id = :user and ended_at is null")
                .param("user", actor.userId()).query(Patrols::patrol).optional();
    }

    /** One of the worker's own patrols; 404 for anybody else's. */
    public Patrol get(long id, Actor actor) {
        return jdbc.sql("select * from fieldwork_patrol where id = :id and user_id = :user")
                .param("id", id).param("user", actor.userId()).query(Patrols::patrol).optional()
                .orElseThrow(() -> LocalizedException.notFound("fieldwork.error.patrolNotFound", id));
    }

    /** Ends the patrol; stopping a stopped patrol changes nothing. */
    @Transactional
    public Patrol stop(long id, Actor actor) {
        Patrol patrol = get(id, actor);
        if (!patrol.running()) {
            return patrol;
        }
        Instant now = clock.instant();
        jdbc.sql("update fieldwork_patrol set ended_at = :at where id = :id and ended_at is null")
                .param("at", Timestamp.from(now)).param("id", id).update();
        return get(id, actor);
    }

    /**
     * Stores a batch of the patrol's track points. Points the patrol already has (the same {@code seq}) are
     * counted as duplicates; points from the future (beyond the tolerance), from before the patrol started or
     * after it ended are refused one by one; the others are stored — all in one statement.
     */
    @Transactional
    public PointsReceipt addPoints(long id, List<TrackPoint> points, Actor actor) {
        if (points.size() > properties.maxBatch()) {
            throw LocalizedException.badRequest("fieldwork.error.batchTooLarge", properties.maxBatch());
        }
        Patrol patrol = get(id, actor);
        Instant latest = clock.instant().plus(properties.futureTolerance());
        Instant earliest = patrol.startedAt().minus(properties.futureTolerance());
        List<PointsReceipt.Refused> refused = new ArrayList<>();
        Map<Integer, TrackPoint> fresh = new LinkedHashMap<>();
        int duplicates = 0;
        for (TrackPoint point : points) {
            if (point.at().isAfter(latest)) {
                refused.add(new PointsReceipt.Refused(point.seq(), PointsReceipt.Reason.FUTURE));
            } else if (point.at().isBefore(earliest)) {
                refused.add(new PointsReceipt.Refused(point.seq(), PointsReceipt.Reason.BEFORE_START));
            } else if (patrol.endedAt() != null && point.at().isAfter(patrol.endedAt().plus(properties.futureTolerance()))) {
                refused.add(new PointsReceipt.Refused(point.seq(), PointsReceipt.Reason.AFTER_END));
            } else if (fresh.putIfAbsent(point.seq(), point) != null) {
                duplicates++;
            }
        }
        int stored = 0;
        if (!fresh.isEmpty()) {
            Collection<TrackPoint> batch = fresh.values();
            stored = jdbc.sql("""
                            insert into fieldwork_patrol_point (patrol_id, seq, at, lat, lon, accuracy, district_code)
                            select :patrol, p.seq, to_timestamp(p.ms / 1000.0), p.lat, p.lon, p.accuracy, :district
                            from unnest(cast(:seqs as integer[]), cast(:ms as bigint[]), cast(:lats as float8[]),
                                        cast(:lons as float8[]), cast(:accuracies as real[])) as p(seq, ms, lat, lon, accuracy)
                            on conflict (patrol_id, seq) do nothing""")
                    .param("patrol", id).param("district", patrol.districtCode())
                    .param("seqs", batch.stream().map(TrackPoint::seq).toArray(Integer[]::new))
                    .param("ms", batch.stream().map(p -> p.at().toEpochMilli()).toArray(Long[]::new))
                    .param("lats", batch.stream().map(TrackPoint::lat).toArray(Double[]::new))
                    .param("lons", batch.stream().map(TrackPoint::lon).toArray(Double[]::new))
                    .param("accuracies", batch.stream().map(TrackPoint::accuracy).toArray(Float[]::new))
                    .update();
            duplicates += fresh.size() - stored;
        }
        return new PointsReceipt(stored, duplicates, refused);
    }

    /** The worker's own days from {@code from} to {@code to} (inclusive), each with its time in grid and status. */
    public List<PatrolDay> days(Actor actor, LocalDate from, LocalDate to) {
        return days(Set.of(actor.userId()), from, to).getOrDefault(actor.userId(), List.of());
    }

    /**
     * The days of several workers from {@code from} to {@code to} (inclusive, China Standard Time), each
     * worker's time counted inside the grids they are assigned to now.
     */
    public Map<Long, List<PatrolDay>> days(Set<Long> userIds, LocalDate from, LocalDate to) {
        return days(userIds, from, to, this::insideOwnGrids);
    }

    /**
     * The days of several workers whose own grids the caller already knows ({@code ownGrids}: user → grid codes),
     * so that no worker costs a statement of their own (assessment tables of a whole city).
     */
    Map<Long, List<PatrolDay>> days(Map<Long, ? extends Collection<String>> ownGrids, LocalDate from, LocalDate to) {
        return days(ownGrids.keySet(), from, to, user -> {
            Collection<String> own = ownGrids.get(user);
            return inside(own == null ? Set.of() : Set.copyOf(own));
        });
    }

    private Map<Long, List<PatrolDay>> days(Set<Long> userIds, LocalDate from, LocalDate to,
                                            java.util.function.LongFunction<Predicate<TrackPoint>> insideOf) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts: " + from + " to " + to);
        }
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Instant start = from.atStartOfDay(ChinaTime.ZONE).toInstant().minus(properties.maxGap());
        Instant end = to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant().plus(properties.maxGap());
        Map<Long, Map<Long, List<TrackPoint>>> tracks = new HashMap<>();
        jdbc.sql("""
                        select p.user_id, t.patrol_id, t.seq, t.at, t.lat, t.lon, t.accuracy
                        from fieldwork_patrol p join fieldwork_patrol_point t on t.patrol_id = p.id
                        where p.user_id = any (:users) and p.started_at < :end and (p.ended_at is null or p.ended_at >= :start)
                          and t.at >= :start and t.at < :end""")
                .param("users", userIds.toArray(Long[]::new))
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    Float accuracy = rs.getObject("accuracy") == null ? null : rs.getFloat("accuracy");
                    tracks.computeIfAbsent(rs.getLong("user_id"), u -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("patrol_id"), p -> new ArrayList<>())
                            .add(new TrackPoint(rs.getInt("seq"), rs.getTimestamp("at").toInstant(), rs.getDouble("lat"),
                                    rs.getDouble("lon"), accuracy));
                });
        Map<Long, List<PatrolDay>> result = new LinkedHashMap<>();
        for (long user : userIds) {
            Predicate<TrackPoint> inside = tracks.containsKey(user) ? insideOf.apply(user) : point -> false;
            Map<LocalDate, Duration> perDay = new HashMap<>();
            for (List<TrackPoint> track : tracks.getOrDefault(user, Map.of()).values()) {
                policy.perDay(track, inside).forEach((day, time) -> perDay.merge(day, time, Duration::plus));
            }
            List<PatrolDay> days = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Duration time = perDay.getOrDefault(day, Duration.ZERO);
                days.add(new PatrolDay(user, day, time, PatrolTarget.of(time, properties.dailyTarget())));
            }
            result.put(user, days);
        }
        return result;
    }

    /** Inside one of the grids the worker is assigned to, as the grid index decides (edges included once). */
    Predicate<TrackPoint> insideOwnGrids(long userId) {
        return inside(grids.gridsOf(userId).stream().map(GridSummary::code).collect(Collectors.toSet()));
    }

    private Predicate<TrackPoint> inside(Set<String> own) {
        return point -> !own.isEmpty() && locator.gridsAt(point.position()).stream().map(IndexedGrid::code).anyMatch(own::contains);
    }

    private static void requireGridWorker(Actor actor) {
        if (!actor.has(Role.GRID_WORKER)) {
            throw LocalizedException.forbidden("fieldwork.error.gridWorkersOnly");
        }
    }

    private static Patrol patrol(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Patrol(rs.getLong("id"), rs.getLong("user_id"), rs.getString("district_code"),
                rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
    }
}
