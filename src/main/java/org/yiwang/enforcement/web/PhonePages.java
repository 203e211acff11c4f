package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.enforcement.CampaignRecord;
import org.yiwang.enforcement.Campaigns;
import org.yiwang.enforcement.CaseAction;
import org.yiwang.enforcement.CaseFile;
import org.yiwang.enforcement.Cases;
import org.yiwang.enforcement.Catalogue;
import org.yiwang.enforcement.EnforcementItem;
import org.yiwang.enforcement.Register;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The phone pages: an officer opens a case on site, reports arrival, ticks the checklist with photos; a grid worker
 * registers a returning resident or a site under a campaign and marks its visits done.
 */
@Controller
class PhonePages {

    private final Cases cases;
    private final Catalogue catalogue;
    private final Campaigns campaigns;
    private final CasePages console;
    private final MessageSource messages;
    private final Clock clock;

    PhonePages(Cases cases, Catalogue catalogue, Campaigns campaigns, CasePages console, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.campaigns = campaigns;
        this.console = console;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current();
    }

    @ModelAttribute("tab")
    String tab() {
        return "enforcement";
    }

    @GetMapping("/m/enforcement")
    String home(Model model) {
        Actor actor = Actors.requireAny(Role.HANDLER, Role.DISPATCHER);
        model.addAttribute("cases", cases.list(new Cases.Filter(null, true, null), 0, actor).content());
        model.addAttribute("scenarios", catalogue.scenarios());
        model.addAttribute("grids", console.gridOptions(actor));
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "enforcement/m-cases";
    }

    /** 转执法: the case form prefilled from one of the worker's patrol findings (title, place, grid, photos). */
    @GetMapping("/m/enforcement/from-finding/{findingId}")
    String fromFinding(@PathVariable long findingId, Model model) {
        Actor actor = Actors.require();
        Cases.FindingDraft draft = cases.draftFromFinding(findingId, actor);
        model.addAttribute("draft", draft);
        model.addAttribute("scenarios", catalogue.scenarios());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("tab", "patrol");
        return "enforcement/m-from-finding";
    }

    @GetMapping("/m/enforcement/cases/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        CaseFile file = cases.get(id, actor);
        console.fill(file, actor, model);
        if (file.allowed().contains(CaseAction.INSPECT)) {
            List<EnforcementItem> all = catalogue.items(true);
            List<String> suggested = file.scenario().itemCodes();
            model.addAttribute("suggested", all.stream().filter(i -> suggested.contains(i.code())).toList());
            model.addAttribute("others", all.stream().filter(i -> !suggested.contains(i.code())).toList());
            model.addAttribute("requestKey", UUID.randomUUID().toString());
        }
        return "enforcement/m-case";
    }

    @GetMapping("/m/campaigns")
    String campaignList(Model model) {
        Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("tab", "campaigns");
        return "enforcement/m-campaigns";
    }

    @GetMapping("/m/campaigns/{code}")
    String campaign(@PathVariable String code, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        Instant now = clock.instant();
        model.addAttribute("campaign", campaigns.get(code));
        model.addAttribute("tab", "campaigns");
        model.addAttribute("grids", campaigns.gridsFor(actor));
        model.addAttribute("tasks", campaigns.tasks(code, true, actor).stream().map(t -> CampaignPages.TaskRow.of(t, now)).toList());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock.withZone(org.yiwang.platform.ChinaTime.ZONE)));
        return "enforcement/m-campaign";
    }

    @PostMapping("/m/campaigns/{code}/records")
    String register(@PathVariable String code, @RequestParam(required = false) @Nullable String gridCode,
                    @RequestParam(required = false) @Nullable String subject, @RequestParam(required = false) @Nullable String phone,
                    @RequestParam(required = false) @Nullable String address, @RequestParam(required = false) @Nullable String origin,
                    @RequestParam(required = false) @Nullable String route,
                    @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate arrivedOn,
                    @RequestParam(required = false) @Nullable String symptom, @RequestParam(required = false) @Nullable String hazard,
                    @RequestParam(required = false) @Nullable String requestKey, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        CampaignRecord record;
        try {
            record = campaigns.register(code, new Register(gridCode == null ? "" : gridCode, subject == null ? "" : subject, phone,
                    address == null ? "" : address, origin, route, arrivedOn, symptom, hazard, requestKey), actor);
        } catch (LocalizedException e) {
            return refused(e, code, redirect);
        }
        String colour = label("enforcement.colour." + record.colour().name());
        redirect.addFlashAttribute("flashSuccess", label(record.openTasks() > 0 ? "enforcement.record.savedWithTask" : "enforcement.record.saved",
                colour, record.openTasks()));
        return "redirect:/m/campaigns/" + code;
    }

    @PostMapping("/m/campaigns/{code}/tasks/{id}")
    String done(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) @Nullable String note,
                RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        try {
            campaigns.complete(id, note, actor);
        } catch (LocalizedException e) {
            return refused(e, code, redirect);
        }
        redirect.addFlashAttribute("flashSuccess", label("enforcement.task.done"));
        return "redirect:/m/campaigns/" + code;
    }

    /** A refused registration or task (bad input, done already): the reason on the campaign's page; an unknown campaign is a 404. */
    private String refused(LocalizedException e, String code, RedirectAttributes redirect) {
        if (e.status().value() == 404 && "enforcement.error.campaignNotFound".equals(e.messageKey())) {
            throw e;
        }
        redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
        return "redirect:/m/campaigns/" + code;
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
