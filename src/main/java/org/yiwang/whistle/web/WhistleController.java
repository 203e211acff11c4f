package org.yiwang.whistle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.PageView;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.CancelWhistle;
import org.yiwang.whistle.RecordOutcome;
import org.yiwang.whistle.ReportIn;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.whistle.WhistleQueries;
import org.yiwang.whistle.WhistleStats;
import org.yiwang.whistle.WhistleStatus;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The 吹哨报到 JSON API: blow on a work order, report in, record the outcome, withdraw, list, assess. */
@RestController
@Tag(name = "Whistles", description = "吹哨报到：街道吹哨、部门报到、双向考核")
class WhistleController {

    private final WhistleActions actions;
    private final WhistleQueries queries;
    private final WhistleJson json;

    WhistleController(WhistleActions actions, WhistleQueries queries, WhistleJson json) {
        this.actions = actions;
        this.queries = queries;
        this.json = json;
    }

    /** 吹哨: {@code kind} ROUTINE, TOUGH or EMERGENCY; the ids of the district departments to summon. */
    record BlowBody(String kind, String reason, List<Long> departmentIds) {
    }

    /** 报到: {@code response} ARRIVED (default) or NOT_OUR_DUTY; {@code departmentId} when you act for several. */
    record ReportInBody(Long departmentId, String response, String note, List<String> photoIds) {
    }

    /** {@code outcome} RESOLVED, PARTIALLY_RESOLVED or UNRESOLVED. */
    record OutcomeBody(String outcome, String note) {
    }

    record CancelBody(String reason) {
    }

    @Operation(summary = "Blow a whistle on an open work order (吹哨)",
            description = "For the command centre of the order's street. Summons departments of the order's district, "
                    + "who must report in within the kind's limit. One open whistle per order.")
    @PostMapping("/api/work-orders/{orderId}/whistles")
    ResponseEntity<WhistleJson.WhistleView> blow(@PathVariable long orderId, @RequestBody(required = false) BlowBody body) {
        Actor actor = Actors.require();
        BlowBody b = body == null ? new BlowBody(null, null, null) : body;
        Whistle whistle = actions.blow(orderId, BlowWhistle.of(b.kind(), b.reason(), b.departmentIds()), actor);
        return ResponseEntity.created(URI.create("/api/whistles/" + whistle.id())).body(json.view(whistle, actor));
    }

    @Operation(summary = "Whistles in your scope, newest first",
            description = "A street sees its whistles, a department those that summoned it, leaders their district.")
    @GetMapping("/api/whistles")
    PageView<WhistleJson.WhistleView> list(@RequestParam(required = false) WhistleStatus status,
                              @RequestParam(required = false) WhistleKind kind,
                              @RequestParam(required = false) String street,
                              @RequestParam(required = false) Long department,
                              @RequestParam(required = false) Boolean overdue,
                              @RequestParam(name = "order", required = false) Long orderId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        Actor actor = Actors.require();
        return json.page(queries.list(new WhistleQueries.Filter(status, kind, street, department, overdue, orderId),
                page, size, actor), actor);
    }

    @Operation(summary = "Assessment of both sides for a period (days from–to, China Standard Time; default this month)")
    @GetMapping("/api/whistles/stats")
    WhistleStats stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.stats(from, to, Actors.require());
    }

    @Operation(summary = "One whistle with every department's answer and the steps you may take")
    @GetMapping("/api/whistles/{id}")
    WhistleJson.WhistleView detail(@PathVariable long id) {
        Actor actor = Actors.require();
        return json.view(queries.get(id, actor), actor);
    }

    @Operation(summary = "Report in for your department (报到), or declare the matter not your duty")
    @PostMapping("/api/whistles/{id}/report-in")
    WhistleJson.WhistleView reportIn(@PathVariable long id, @RequestBody(required = false) ReportInBody body) {
        Actor actor = Actors.require();
        ReportInBody b = body == null ? new ReportInBody(null, null, null, null) : body;
        return json.view(actions.reportIn(id, ReportIn.of(b.departmentId(), b.response(), b.note(), b.photoIds()), actor), actor);
    }

    @Operation(summary = "Record the outcome and close the whistle (street command centre)")
    @PostMapping("/api/whistles/{id}/outcome")
    WhistleJson.WhistleView outcome(@PathVariable long id, @RequestBody(required = false) OutcomeBody body) {
        Actor actor = Actors.require();
        OutcomeBody b = body == null ? new OutcomeBody(null, null) : body;
        return json.view(actions.recordOutcome(id, RecordOutcome.of(b.outcome(), b.note()), actor), actor);
    }

    @Operation(summary = "Withdraw the whistle (撤哨, street command centre)")
    @PostMapping("/api/whistles/{id}/cancel")
    WhistleJson.WhistleView cancel(@PathVariable long id, @RequestBody(required = false) CancelBody body) {
        Actor actor = Actors.require();
        return json.view(actions.cancel(id, new CancelWhistle(body == null ? null : body.reason()), actor), actor);
    }
}
