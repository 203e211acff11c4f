package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.PatrolTracks;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.time.Duration;
import java.util.List;

/** The grid workers in the field, for the command map: live positions and today's patrol tracks, in the reader's scope. */
@RestController
@Tag(name = "Field work")
class PositionsController {

    /** A position older than this is not "now" on the map. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final PatrolTracks tracks;

    PositionsController(PatrolTracks tracks) {
        this.tracks = tracks;
    }

    @Operation(summary = "Last positions (≤ 5 min old) of grid workers on patrol in your scope")
    @GetMapping("/api/fieldwork/positions")
    List<PatrolTracks.WorkerPosition> positions() {
        Actor actor = Actors.requireAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF);
        return tracks.lastPositions(actor.scope(), MAX_AGE);
    }

    @Operation(summary = "Today's patrol tracks (Beijing day) that touched a grid in your scope, at most 300 points each, as [lat, lon] pairs")
    @GetMapping("/api/fieldwork/tracks/today")
    List<PatrolTracks.Track> today() {
        Actor actor = Actors.requireAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF);
        return tracks.today(actor.scope());
    }
}
