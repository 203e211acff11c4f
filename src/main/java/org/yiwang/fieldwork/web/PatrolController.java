package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.Patrol;
import org.yiwang.fieldwork.PatrolDay;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.fieldwork.PointsReceipt;
import org.yiwang.fieldwork.TrackPoint;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 巡查 API for the phone: start and stop a patrol, send its track in batches, read the days against the 3-hour rule. */
@RestController
@RequestMapping("/api/fieldwork")
@Tag(name = "Field work", description = "网格员巡查：轨迹、在格时长、每日达标")
class PatrolController {

    /** The longest period one request may ask days for. */
    static final int MAX_DAYS = 366;

    private final Patrols patrols;
    private final MessageSource messages;
    private final Clock clock;

    PatrolController(Patrols patrols, MessageSource messages, Clock clock) {
        this.patrols = patrols;
        this.messages = messages;
        this.clock = clock;
    }

    record PatrolJson(long id, Instant startedAt, @Nullable Instant endedAt, boolean running) {
        static PatrolJson of(Patrol p) {
            return new PatrolJson(p.id(), p.startedAt(), p.endedAt(), p.running());
        }
    }

    /**
     * One track point as the phone sends it.
     *
     * @param seq the phone's number for the point in this patrol, from 1: sending it again stores nothing new
     * @param at  when the phone measured it, milliseconds since 1970 (the Geolocation API's timestamp)
     */
    record PointJson(@Nullable Integer seq, @Nullable Long at, @Nullable Double lat, @Nullable Double lon,
                     @Nullable Float accuracy) {
    }

    record PointsBatch(@Nullable List<PointJson> points) {
    }

    record DayJson(LocalDate date, long minutesInGrid, String status, String statusText) {
    }

    @Operation(summary = "Start a patrol (answers the running one if there is one)")
    @PostMapping("/patrols")
    ResponseEntity<PatrolJson> start() {
        Actor actor = Actors.require();
        boolean wasRunning = patrols.running(actor).isPresent();
        Patrol patrol = patrols.start(actor);
        return ResponseEntity.status(wasRunning ? HttpStatus.OK : HttpStatus.CREATED).body(PatrolJson.of(patrol));
    }

    @Operation(summary = "The running patrol, or 204 when none is running")
    @GetMapping("/patrols/current")
    ResponseEntity<PatrolJson> current() {
        return patrols.running(Actors.require()).map(p -> ResponseEntity.ok(PatrolJson.of(p)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Stop a patrol")
    @PostMapping("/patrols/{id}/stop")
    PatrolJson stop(@PathVariable long id) {
        return PatrolJson.of(patrols.stop(id, Actors.require()));
    }

    @Operation(summary = "Send track points; idempotent by seq, points from the future (> 2 min) refused one by one")
    @PostMapping("/patrols/{id}/points")
    PointsReceipt points(@PathVariable long id, @RequestBody PointsBatch batch) {
        Actor actor = Actors.require();
        if (batch.points() == null) {
            throw LocalizedException.badRequest("fieldwork.error.pointsRequired");
        }
        List<TrackPoint> points = new ArrayList<>();
        for (int i = 0; i < batch.points().size(); i++) {
            points.add(point(i, batch.points().get(i)));
        }
        return patrols.addPoints(id, points, actor);
    }

    @Operation(summary = "My patrol days: minutes inside my grids and 达标/未达标 against the 3-hour rule")
    @GetMapping("/patrols/days")
    List<DayJson> days(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        Actor actor = Actors.require();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last : from;
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw LocalizedException.badRequest("fieldwork.error.period", MAX_DAYS);
        }
        return patrols.days(actor, first, last).stream().map(this::day).toList();
    }

    private DayJson day(PatrolDay day) {
        return new DayJson(day.day(), day.inGrid().toMinutes(), day.target().name(),
                messages.getMessage("fieldwork.target." + day.target().name(), null, LocaleContextHolder.getLocale()));
    }

    private static TrackPoint point(int index, @Nullable PointJson p) {
        if (p == null) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "points[" + index + "]");
        }
        if (p.seq() == null || p.seq() < 1) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "seq");
        }
        if (p.at() == null || p.at() < 0) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "at");
        }
        if (p.lat() == null || !LonLat.isLatitude(p.lat())) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "lat");
        }
        if (p.lon() == null || !LonLat.isLongitude(p.lon())) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "lon");
        }
        if (p.accuracy() != null && !(p.accuracy() >= 0 && p.accuracy() < 100_000)) {
            throw LocalizedException.badRequest("fieldwork.error.point", index, "accuracy");
        }
        return new TrackPoint(p.seq(), Instant.ofEpochMilli(p.at()), p.lat(), p.lon(), p.accuracy());
    }
}
