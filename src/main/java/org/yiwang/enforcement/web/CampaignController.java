package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.enforcement.Campaign;
import org.yiwang.enforcement.CampaignRecord;
import org.yiwang.enforcement.CampaignTask;
import org.yiwang.enforcement.Campaigns;
import org.yiwang.enforcement.Colour;
import org.yiwang.enforcement.Register;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 专项行动 over JSON: the campaigns, registering, the records (phones masked), the tasks, the dashboard and the map layer. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    record RegisterRequest(@Nullable String gridCode, @Nullable String subject, @Nullable String phone, @Nullable String address,
                           @Nullable String origin, @Nullable String route, @Nullable LocalDate arrivedOn, @Nullable String symptom,
                           @Nullable String hazard, @Nullable String requestKey) {
        Register command() {
            return new Register(gridCode == null ? "" : gridCode, subject == null ? "" : subject, phone, address == null ? "" : address,
                    origin, route, arrivedOn, symptom, hazard, requestKey);
        }
    }

    record RecordJson(long id, String campaign, String gridCode, String subject, @Nullable String phone, String address,
                      @Nullable String origin, @Nullable String route, @Nullable LocalDate arrivedOn, @Nullable String symptom,
                      @Nullable String hazard, Colour colour, @Nullable String reason, Instant registeredAt, int openTasks) {
        static RecordJson of(CampaignRecord r) {
            return new RecordJson(r.id(), r.campaignCode(), r.gridCode(), PersonalData.maskName(r.subject()), PersonalData.maskPhone(r.phone()),
                    r.address(), r.origin(), r.route(), r.arrivedOn(), r.symptom(), r.hazard(), r.colour(), r.reason(), r.registeredAt(),
                    r.openTasks());
        }
    }

    record TaskJson(long id, long recordId, String gridCode, Campaign.TaskKind kind, String subject, Colour colour, Instant dueAt,
                    @Nullable Instant doneAt, @Nullable String note) {
        static TaskJson of(CampaignTask t) {
            return new TaskJson(t.id(), t.recordId(), t.gridCode(), t.kind(), PersonalData.maskName(t.subject()), t.colour(), t.dueAt(),
                    t.doneAt(), t.note() == null ? null : PersonalData.maskText(t.note()));
        }
    }

    record DoneRequest(@Nullable String note) {
    }

    @GetMapping
    List<Campaign> list() {
        Actors.require();
        return campaigns.list();
    }

    @GetMapping("/{code}/dashboard")
    Campaigns.Dashboard dashboard(@PathVariable String code) {
        return campaigns.dashboard(code, Actors.require());
    }

    /** The map layer: per grid its centre and the counts by colour. */
    @GetMapping("/{code}/map")
    List<Campaigns.GridLayer> map(@PathVariable String code) {
        return campaigns.mapLayer(code, Actors.require());
    }

    @GetMapping("/{code}/records")
    List<RecordJson> records(@PathVariable String code, @RequestParam(required = false) @Nullable String colour,
                             @RequestParam(required = false) @Nullable String grid) {
        Actor actor = Actors.require();
        Colour c = colour == null ? null : Inputs.parse(colour, Colour.class, "colour");
        return campaigns.records(code, c, grid, actor).stream().map(RecordJson::of).toList();
    }

    @PostMapping("/{code}/records")
    @ResponseStatus(HttpStatus.CREATED)
    RecordJson register(@PathVariable String code, @RequestBody RegisterRequest request) {
        Actor actor = Actors.require();
        return RecordJson.of(campaigns.register(code, request.command(), actor));
    }

    @GetMapping("/{code}/tasks")
    List<TaskJson> tasks(@PathVariable String code, @RequestParam(defaultValue = "true") boolean open) {
        return campaigns.tasks(code, open, Actors.require()).stream().map(TaskJson::of).toList();
    }

    @PostMapping("/tasks/{id}/done")
    TaskJson done(@PathVariable long id, @RequestBody DoneRequest request) {
        return TaskJson.of(campaigns.complete(id, request.note(), Actors.require()));
    }
}
