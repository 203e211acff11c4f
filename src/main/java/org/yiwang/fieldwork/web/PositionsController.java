package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

import java.time.Duration;
import java.util.List;

/** The grid workers on patrol now, for the command map: last positions at most 5 minutes old, in the reader's scope. */
@RestController
@Tag(name = "Field work")
class PositionsController {

    /** A position older than this is not "now" on the map. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Patrols patrols;

    PositionsController(Patrols patrols) {
        this.patrols = patrols;
    }

    @Operation(summary = "Last positions (≤ 5 min old) of grid workers on patrol in your scope")
    @GetMapping("/api/fieldwork/positions")
    List<Patrols.WorkerPosition> positions() {
        Actor actor = Actors.requireAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF);
        return patrols.lastPositions(actor.scope(), MAX_AGE);
    }
}
