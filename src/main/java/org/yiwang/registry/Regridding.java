package org.yiwang.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.GridIndex;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridsChanged;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 随网格调整 — when grid boundaries change, every building, business and component whose point now lies in
 * another grid moves there, with the houses, households and people of a building; each move is in the
 * history. {@link #plan} says what would move under a given grid index without moving anything (dry run).
 */
@Service
public class Regridding {

    private static final Logger log = LoggerFactory.getLogger(Regridding.class);

    private final JdbcClient jdbc;
    private final GridLocator locator;
    private final RegisterHistory history;
    private final Clock clock;

    Regridding(JdbcClient jdbc, GridLocator locator, RegisterHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.locator = locator;
        this.history = history;
        this.clock = clock;
    }

    /** One record that moves: its type (building, business, component), id, name, grid now and grid then. */
    public record Move(String type, long id, String name, String fromGrid, String toGrid) {
    }

    /**
     * The records of the given streets (9-digit codes) that would lie in another grid under {@code index};
     * a record whose point lies in no grid of the index stays where it is.
     */
    public List<Move> plan(GridIndex index, Set<String> streetCodes) {
        List<Move> moves = new ArrayList<>();
        for (String table : List.of("building", "business", "component")) {
            String label = table.equals("component") ? "identifier" : "name";
            jdbc.sql("select id, " + label + " as label, grid_code, lon, lat from registry_" + table
                            + " where left(grid_code, 9) = any (:streets) order by id")
                    .param("streets", streetCodes.toArray(String[]::new))
                    .query(rs -> {
                        String from = rs.getString("grid_code");
                        long id = rs.getLong("id");
                        String name = rs.getString("label");
                        index.locate(new LonLat(rs.getDouble("lon"), rs.getDouble("lat")))
                                .map(l -> l.comprehensiveGrid().orElse(l.grids().getFirst()).code())
                                .filter(to -> !to.equals(from))
                                .ifPresent(to -> moves.add(new Move(table, id, name, from, to)));
                    });
        }
        moves.sort(Comparator.comparing(Move::type).thenComparing(Move::id));
        return moves;
    }

    /** What would move now, under the grid index in use, in the streets in the actor's scope (after a change on another node). */
    public List<Move> plan(Actor actor, String streetCode) {
        if (!actor.scope().covers(streetCode)) {
            return List.of();
        }
        return plan(locator.index(), Set.of(streetCode));
    }

    @ApplicationModuleListener
    void on(GridsChanged changed) {
        locator.refresh();
        Set<String> streets = changed.communityCodes().stream().map(c -> c.substring(0, 9)).collect(Collectors.toSet());
        int moved = apply(plan(locator.index(), streets));
        if (moved > 0) {
            log.info("Grids of {} changed: {} register records moved to their new grids", streets, moved);
        }
    }

    @Transactional
    int apply(List<Move> moves) {
        Actor system = Actor.system();
        Timestamp now = Timestamp.from(clock.instant());
        for (Move move : moves) {
            String district = move.toGrid().substring(0, 6);
            jdbc.sql("update registry_" + move.type() + " set grid_code = :grid, district_code = :district"
                            + (move.type().equals("component") ? "" : ", updated_at = :now") + " where id = :id")
                    .param("grid", move.toGrid()).param("district", district).param("now", now).param("id", move.id()).update();
            if (move.type().equals("building")) {
                for (String dependent : List.of(
                        "update registry_house set grid_code = :grid, district_code = :district where building_id = :id",
                        "update registry_household set grid_code = :grid, district_code = :district where house_id in (select id from registry_house where building_id = :id)",
                        "update registry_person set grid_code = :grid, district_code = :district where house_id in (select id from registry_house where building_id = :id)")) {
                    jdbc.sql(dependent).param("grid", move.toGrid()).param("district", district).param("id", move.id()).update();
                }
            }
            history.record(system, move.type(), move.id(), district, "MOVED", "grid", move.fromGrid(), move.toGrid());
        }
        return moves.size();
    }
}
