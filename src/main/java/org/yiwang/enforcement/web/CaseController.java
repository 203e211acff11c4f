package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.enforcement.Cases;
import org.yiwang.enforcement.Catalogue;
import org.yiwang.enforcement.NoticeDocument;
import org.yiwang.enforcement.Scenario;
import org.yiwang.enforcement.Stage;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.PageView;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** 联合执法 over JSON: the 执法事项清单, the scenarios, cases and every step of a case, the notice as PDF. */
@RestController
@RequestMapping("/api/enforcement")
class CaseController {

    private final Cases cases;
    private final Catalogue catalogue;
    private final NoticeDocument notices;
    private final Clock clock;

    CaseController(Cases cases, Catalogue catalogue, NoticeDocument notices, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/items")
    List<EnforcementJson.ItemJson> items(@RequestParam(defaultValue = "true") boolean activeOnly) {
        Actors.require();
        return catalogue.items(activeOnly).stream().map(EnforcementJson.ItemJson::of).toList();
    }

    /** An administrator adds an item to the list or changes one. */
    @PutMapping("/items/{code}")
    EnforcementJson.ItemJson saveItem(@PathVariable String code, @RequestBody EnforcementJson.ItemRequest request) {
        Actor actor = Actors.require();
        return EnforcementJson.ItemJson.of(catalogue.save(Inputs.item(code, request), actor));
    }

    @GetMapping("/scenarios")
    List<Scenario> scenarios() {
        Actors.require();
        return catalogue.scenarios();
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    EnforcementJson.Detail open(@RequestBody EnforcementJson.OpenRequest request) {
        Actor actor = Actors.require();
        long id = cases.open(Inputs.open(request), actor).id();
        return detail(id, actor);
    }

    @GetMapping("/cases")
    PageView<EnforcementJson.Summary> list(@RequestParam(required = false) @Nullable String stage,
                                           @RequestParam(defaultValue = "false") boolean open,
                                           @RequestParam(required = false) @Nullable String street,
                                           @RequestParam(defaultValue = "0") int page) {
        Actor actor = Actors.require();
        Stage s = stage == null ? null : Inputs.parse(stage, Stage.class, "stage");
        return cases.list(new Cases.Filter(s, open, street), page, actor).map(EnforcementJson.Summary::of);
    }

    /** The open cases of the reader's territory with a place, stage and arrival light: the command map's layer. */
    @GetMapping("/cases/map")
    List<Cases.MapCase> map() {
        return cases.onMap(Actors.require());
    }

    @GetMapping("/cases/{id}")
    EnforcementJson.Detail get(@PathVariable long id) {
        return detail(id, Actors.require());
    }

    @PostMapping("/cases/{id}/summons")
    EnforcementJson.Detail summon(@PathVariable long id, @RequestBody EnforcementJson.SummonRequest request) {
        Actor actor = Actors.require();
        cases.summon(id, request.departmentIds() == null ? List.of() : request.departmentIds(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/arrival")
    EnforcementJson.Detail arrive(@PathVariable long id) {
        Actor actor = Actors.require();
        cases.arrive(id, actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/investigation")
    EnforcementJson.Detail investigate(@PathVariable long id, @RequestBody(required = false) EnforcementJson.@Nullable NoteRequest request) {
        Actor actor = Actors.require();
        cases.investigate(id, request == null ? null : request.note(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/inspections")
    EnforcementJson.Detail inspect(@PathVariable long id, @RequestBody EnforcementJson.InspectionRequest request) {
        Actor actor = Actors.require();
        cases.inspect(id, Inputs.inspection(request), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/notice")
    EnforcementJson.Detail serveNotice(@PathVariable long id, @RequestBody EnforcementJson.NoticeRequest request) {
        Actor actor = Actors.require();
        cases.serveNotice(id, request.rectifyBy(), request.requirement(), actor);
        return detail(id, actor);
    }

    @GetMapping("/cases/{id}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
        Actor actor = Actors.require();
        byte[] pdf = notices.pdf(id, actor);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("notice-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @PostMapping("/cases/{id}/decision")
    EnforcementJson.Detail decide(@PathVariable long id, @RequestBody EnforcementJson.DecisionRequest request) {
        Actor actor = Actors.require();
        cases.decide(id, request.decision(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/execution")
    EnforcementJson.Detail execute(@PathVariable long id, @RequestBody(required = false) EnforcementJson.@Nullable NoteRequest request) {
        Actor actor = Actors.require();
        cases.execute(id, request == null ? null : request.note(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/reinspection-schedule")
    EnforcementJson.Detail schedule(@PathVariable long id, @RequestBody EnforcementJson.ScheduleRequest request) {
        Actor actor = Actors.require();
        cases.scheduleReinspection(id, request.due(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/reinspection")
    EnforcementJson.Detail reinspect(@PathVariable long id, @RequestBody EnforcementJson.ReinspectionRequest request) {
        Actor actor = Actors.require();
        cases.reinspect(id, request.passed(), request.note(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/closure")
    EnforcementJson.Detail close(@PathVariable long id, @RequestBody EnforcementJson.NoteRequest request) {
        Actor actor = Actors.require();
        cases.close(id, request.note(), actor);
        return detail(id, actor);
    }

    @PostMapping("/cases/{id}/transfer")
    EnforcementJson.Detail transfer(@PathVariable long id, @RequestBody EnforcementJson.TransferRequest request) {
        Actor actor = Actors.require();
        cases.transfer(id, request.agency(), request.reason(), actor);
        return detail(id, actor);
    }

    private EnforcementJson.Detail detail(long id, Actor actor) {
        return EnforcementJson.Detail.of(cases.get(id, actor), clock.instant());
    }
}
