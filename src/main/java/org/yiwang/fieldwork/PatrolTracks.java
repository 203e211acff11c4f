package org.yiwang.fieldwork;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.DataScope;
import org.jspecify.annotations.Nullable;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command map's view of the grid workers in the field: where each worker on patrol was last seen, and the
 * tracks of today's patrols, both limited to the grids the reader's scope covers.
 */
@Service
public class PatrolTracks {

    /** A track on the map keeps at most this many points (evenly thinned in the database). */
    static final int MAX_POINTS_PER_TRACK = 300;

    private final JdbcClient jdbc;
    private final GridLocator locator;
    private final People people;
    private final Clock clock;

    PatrolTracks(JdbcClient jdbc, GridLocator locator, People people, Clock clock) {
        this.jdbc = jdbc;
        this.locator = locator;
        this.people = people;
        this.clock = clock;
    }

    /** Where a patrolling worker was last seen, and in which grid. */
    public record WorkerPosition(long userId, String name, long patrolId, double lat, double lon, Instant at, String gridCode) {
    }

    /** One patrol's track today: its points as [lat, lon] pairs in time order, thinned for the map. */
    public record Track(long patrolId, long userId, String name, Instant startedAt, boolean running, List<double[]> points) {
    }

    /**
     * The last position of every worker on a running patrol whose last point is at most {@code maxAge} old and
     * lies in a grid the scope covers.
     */
    public List<WorkerPosition> lastPositions(DataScope scope, Duration maxAge) {
        Instant since = clock.instant().minus(maxAge);
        Map<Long, String> names = new HashMap<>();
        return jdbc.sql("""
                        select distinct on (p.id) p.user_id, p.id, t.lat, t.lon, t.at
                        from fieldwork_patrol p join fieldwork_patrol_point t on t.patrol_id = p.id
                        where p.ended_at is null and t.at >= :since
                        order by p.id, t.at desc""")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    double lat = rs.getDouble("lat");
                    double lon = rs.getDouble("lon");
                    String grid = gridIn(scope, lat, lon);
                    if (grid == null) {
                        return null;
                    }
                    long user = rs.getLong("user_id");
                    return new WorkerPosition(user, name(names, user), rs.getLong("id"), lat, lon,
                            rs.getTimestamp("at").toInstant(), grid);
                }).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Today's patrols (Beijing day) that touched a grid the scope covers, each track thinned to at most 300 points. */
    public List<Track> today(DataScope scope) {
        LocalDate day = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Instant from = day.atStartOfDay(ChinaTime.ZONE).toInstant();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Track> tracks = new LinkedHashMap<>();
        Map<Long, Boolean> inScope = new HashMap<>();
        jdbc.sql("""
                        select patrol_id, user_id, started_at, running, lat, lon from (
                          select t.patrol_id, p.user_id, p.started_at, p.ended_at is null as running, t.lat, t.lon, t.at,
                                 row_number() over w as n, count(*) over (partition by t.patrol_id) as total
                          from fieldwork_patrol p join fieldwork_patrol_point t on t.patrol_id = p.id
                          where (p.ended_at is null or p.ended_at >= :from) and t.at >= :from
                          window w as (partition by t.patrol_id order by t.at, t.seq)) x
                        where (n - 1) % greatest(1, ceil(total / :max::numeric)::int) = 0 or n = total
                        order by patrol_id, n""")
                .param("from", Timestamp.from(from))
                .param("max", MAX_POINTS_PER_TRACK)
                .query(rs -> {
                    long patrol = rs.getLong("patrol_id");
                    double lat = rs.getDouble("lat");
                    double lon = rs.getDouble("lon");
                    Track track = tracks.get(patrol);
                    if (track == null) {
                        long user = rs.getLong("user_id");
                        track = new Track(patrol, user, name(names, user), rs.getTimestamp("started_at").toInstant(),
                                rs.getBoolean("running"), new ArrayList<>());
                        tracks.put(patrol, track);
                    }
                    track.points().add(new double[]{lat, lon});
                    if (!inScope.getOrDefault(patrol, false) && gridIn(scope, lat, lon) != null) {
                        inScope.put(patrol, true);
                    }
                });
        return tracks.values().stream().filter(t -> inScope.getOrDefault(t.patrolId(), false)).toList();
    }

    private @Nullable String gridIn(DataScope scope, double lat, double lon) {
        return locator.gridsAt(new LonLat(lon, lat)).stream().map(IndexedGrid::code).filter(scope::covers).findFirst().orElse(null);
    }

    private String name(Map<Long, String> names, long user) {
        return names.computeIfAbsent(user, id -> people.find(id).map(UserSummary::displayName).orElse("#" + id));
    }
}
