package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.enforcement.CampaignRecord;
import org.yiwang.enforcement.CampaignTask;
import org.yiwang.enforcement.Campaigns;
import org.yiwang.enforcement.Colour;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** 专项行动 in the console: the campaigns, and per campaign its dashboard, map-layer table, records and tasks. */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final Clock clock;

    CampaignPages(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** A record as the pages show it: name and phone masked. */
    record RecordRow(long id, String gridCode, String subject, String phone, String address, String facts, String colour, String reason,
                     String registered, int openTasks, int doneTasks) {
        static RecordRow of(CampaignRecord r) {
            String facts = r.hazard() != null ? r.hazard()
                    : Objects.toString(r.origin(), "") + (r.route() == null ? "" : " · " + r.route())
                    + (r.arrivedOn() == null ? "" : " · " + r.arrivedOn()) + (r.symptom() == null ? "" : " · " + r.symptom());
            return new RecordRow(r.id(), r.gridCode(), PersonalData.maskName(r.subject()), r.phone() == null ? "" : PersonalData.maskPhone(r.phone()),
                    r.address(), facts, r.colour().name(), Objects.toString(r.reason(), ""),
                    ChinaTime.MINUTES.format(r.registeredAt()) + " · " + r.registeredName(), r.openTasks(), r.doneTasks());
        }
    }

    /** A task as the pages show it. */
    record TaskRow(long id, long recordId, String kind, String subject, String address, String colour, String due, boolean overdue,
                   String done, String note, String orderNumber, long orderId) {
        static TaskRow of(CampaignTask t, Instant now) {
            return new TaskRow(t.id(), t.recordId(), t.kind().name(), PersonalData.maskName(t.subject()), t.address(), t.colour().name(),
                    ChinaTime.MINUTES.format(t.dueAt()), t.overdue(now),
                    t.doneAt() == null ? "" : ChinaTime.MINUTES.format(t.doneAt()) + " · " + t.doneByName(),
                    t.note() == null ? "" : PersonalData.maskText(t.note()), Objects.toString(t.orderNumber(), ""),
                    t.orderId() == null ? 0 : t.orderId());
        }
    }

    @GetMapping("/enforcement/campaigns")
    String list(Model model) {
        staff();
        model.addAttribute("campaigns", campaigns.list());
        return "enforcement/campaigns";
    }

    @GetMapping("/enforcement/campaigns/{code}")
    String one(@PathVariable String code, @RequestParam(required = false) @Nullable String colour, Model model) {
        Actor actor = staff();
        Colour c = colour == null || colour.isBlank() ? null : Inputs.parse(colour, Colour.class, "colour");
        Instant now = clock.instant();
        model.addAttribute("dashboard", campaigns.dashboard(code, actor));
        model.addAttribute("layer", campaigns.mapLayer(code, actor));
        model.addAttribute("records", campaigns.records(code, c, null, actor).stream().map(RecordRow::of).toList());
        model.addAttribute("tasks", campaigns.tasks(code, true, actor).stream().map(t -> TaskRow.of(t, now)).toList());
        model.addAttribute("doneTasks", campaigns.tasks(code, false, actor).stream().limit(50).map(t -> TaskRow.of(t, now)).toList());
        model.addAttribute("colour", c == null ? "" : c.name());
        model.addAttribute("colours", List.of(Colour.values()));
        return "enforcement/campaign";
    }

    private static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }
}
