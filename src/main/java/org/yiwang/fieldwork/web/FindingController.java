package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.Finding;
import org.yiwang.fieldwork.FindingOutcome;
import org.yiwang.fieldwork.Findings;
import org.yiwang.fieldwork.RecordFinding;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.List;
import java.util.Locale;

/** 民情日志 API: findings of a patrol, logged, reported as orders or closed on the spot. */
@RestController
@RequestMapping("/api/fieldwork/patrols/{patrolId}/findings")
@Tag(name = "Field work")
class FindingController {

    private final Findings findings;

    FindingController(Findings findings) {
        this.findings = findings;
    }

    /**
     * A finding as the phone sends it; {@code photoIds} are photos uploaded before ({@code POST /api/photos}).
     *
     * @param outcome {@code LOGGED}, {@code REPORTED} or {@code CLOSED_ON_SPOT}
     */
    record FindingInput(@Nullable String text, @Nullable Double lat, @Nullable Double lon, @Nullable List<String> photoIds,
                        @Nullable String outcome, @Nullable String categoryCode, @Nullable String note,
                        @Nullable String requestId) {
    }

    @Operation(summary = "Record a finding; REPORTED makes a work order, CLOSED_ON_SPOT one closed on the spot (idempotent by requestId)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Finding record(@PathVariable long patrolId, @RequestBody FindingInput input) {
        return findings.record(patrolId, new RecordFinding(input.text(), input.lat(), input.lon(), input.photoIds(),
                outcome(input.outcome()), input.categoryCode(), input.note(), input.requestId()), Actors.require());
    }

    @Operation(summary = "The findings of one of my patrols")
    @GetMapping
    List<Finding> list(@PathVariable long patrolId) {
        return findings.ofPatrol(patrolId, Actors.require());
    }

    static FindingOutcome outcome(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return FindingOutcome.LOGGED;
        }
        try {
            return FindingOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "outcome");
        }
    }
}
