package org.yiwang.cogov.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.cogov.mediation.DisputeClass;
import org.yiwang.cogov.mediation.MediationCase;
import org.yiwang.cogov.mediation.MediationCommands;
import org.yiwang.cogov.mediation.MediationStatus;
import org.yiwang.cogov.mediation.Mediations;
import org.yiwang.cogov.mediation.PartyRole;
import org.yiwang.cogov.mediation.Referral;
import org.yiwang.cogov.mediation.RiskLevel;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * 调解工作室 — the mediation screens for community staff (and the street's command centre): the territory's cases,
 * a new case (directly, or from a neighbour-dispute work order by its id: {@code /cogov/mediation/from-order?order=…}),
 * and a case's page with its parties (masked), sessions, outcome, follow-up visits, history and a form per allowed action.
 */
@Controller
class MediationDesk {

    private final Mediations mediations;
    private final WorkOrderQueries orders;
    private final MessageSource messages;

    MediationDesk(Mediations mediations, WorkOrderQueries orders, MessageSource messages) {
        this.mediations = mediations;
        this.orders = orders;
        this.messages = messages;
    }

    /** A case in a list. */
    record Row(long id, String number, @Nullable String orderNumber, String disputeClass, String summary, String status,
               String risk, boolean escalated, String mediator, String createdAt) {
    }

    @GetMapping("/cogov/mediation")
    String list(@RequestParam(defaultValue = "open") String tab, Model model) {
        Actor actor = reader();
        var statuses = switch (tab) {
            case "open" -> MediationStatus.OPEN;
            case "ended" -> MediationStatus.ENDED;
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        model.addAttribute("rows", mediations.list(statuses, actor).stream().map(MediationDesk::row).toList());
        model.addAttribute("tab", tab);
        model.addAttribute("works", Mediations.works(actor));
        model.addAttribute("community", actor.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).findFirst().orElse(""));
        model.addAttribute("classes", DisputeClass.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "cogov/mediations";
    }

    @PostMapping("/cogov/mediation")
    String open(@RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String disputeClass,
                @RequestParam(required = false) @Nullable String summary, @RequestParam(required = false) @Nullable String risk,
                @RequestParam(required = false) @Nullable String applicantName, @RequestParam(required = false) @Nullable String applicantPhone,
                @RequestParam(required = false) @Nullable String respondentName, @RequestParam(required = false) @Nullable String respondentPhone,
                @RequestParam(required = false) @Nullable String requestId, RedirectAttributes redirect) {
        Actor actor = reader();
        return attempt(redirect, "/cogov/mediation", () -> {
            List<MediationCommands.NewParty> parties = new ArrayList<>();
            if (!blank(applicantName)) {
                parties.add(new MediationCommands.NewParty(PartyRole.APPLICANT, applicantName, applicantPhone, null));
            }
            if (!blank(respondentName)) {
                parties.add(new MediationCommands.NewParty(PartyRole.RESPONDENT, respondentName, respondentPhone, null));
            }
            MediationCase c = mediations.open(new MediationCommands.Open(null, blank(communityCode) ? null : communityCode.strip(),
                    value(DisputeClass.class, disputeClass, "disputeClass"), summary, value(RiskLevel.class, risk, "risk"), parties,
                    blank(requestId) ? null : requestId), actor);
            redirect.addFlashAttribute("flashSuccess", label("cogov.mediation.opened", c.number()));
            return "redirect:/cogov/mediation/" + c.id();
        });
    }

    /** The console's way from a work order to mediation: the order's facts and the form to open a case from it. */
    @GetMapping("/cogov/mediation/from-order")
    String fromOrder(@RequestParam long order, Model model) {
        Actor actor = reader();
        WorkOrder o = orders.get(order, actor);
        Optional<MediationCase> existing = mediations.ofOrder(order, actor);
        if (existing.isPresent()) {
            return "redirect:/cogov/mediation/" + existing.get().id();
        }
        model.addAttribute("order", o);
        model.addAttribute("description", PersonalData.maskText(o.description()));
        model.addAttribute("reporter", o.reporterName() == null ? "—" : PersonalData.maskName(o.reporterName())
                + (o.reporterPhone() == null ? "" : " " + PersonalData.maskPhone(o.reporterPhone())));
        model.addAttribute("suggested", DisputeClass.ofCategory(o.categoryCode()));
        model.addAttribute("classes", DisputeClass.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("works", Mediations.works(actor));
        return "cogov/from-order";
    }

    @PostMapping("/cogov/mediation/from-order")
    String openFromOrder(@RequestParam long order, @RequestParam(required = false) @Nullable String disputeClass,
                         @RequestParam(required = false) @Nullable String risk, @RequestParam(required = false) @Nullable String summary,
                         RedirectAttributes redirect) {
        Actor actor = reader();
        return attempt(redirect, "/cogov/mediation/from-order?order=" + order, () -> {
            MediationCase c = mediations.open(new MediationCommands.Open(order, null, value(DisputeClass.class, disputeClass, "disputeClass"),
                    summary, value(RiskLevel.class, risk, "risk"), List.of(), null), actor);
            redirect.addFlashAttribute("flashSuccess", label("cogov.mediation.opened", c.number()));
            return "redirect:/cogov/mediation/" + c.id();
        });
    }

    @GetMapping("/cogov/mediation/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = reader();
        MediationCase.MediationDetail detail = mediations.detail(id, actor);
        model.addAttribute("d", detail);
        model.addAttribute("c", detail.mediation());
        model.addAttribute("can", detail.allowedActions().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("mediators", detail.allowedActions().isEmpty() ? List.of() : mediations.mediators(detail.mediation()));
        model.addAttribute("created", format(detail.mediation().createdAt()));
        model.addAttribute("roles", PartyRole.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("referrals", Referral.values());
        model.addAttribute("now", LocalDateTime.now(ChinaTime.ZONE).withSecond(0).withNano(0).toString());
        model.addAttribute("today", LocalDate.now(ChinaTime.ZONE).toString());
        return "cogov/mediation";
    }

    @PostMapping("/cogov/mediation/{id}/mediator")
    String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long mediatorUserId, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.ASSIGN", () -> {
            if (mediatorUserId == null) {
                throw LocalizedException.badRequest("cogov.error.required", "mediatorUserId");
            }
            mediations.assign(id, mediatorUserId, reader());
        });
    }

    @PostMapping("/cogov/mediation/{id}/parties")
    String addParty(@PathVariable long id, @RequestParam(required = false) @Nullable String role, @RequestParam(required = false) @Nullable String name,
                    @RequestParam(required = false) @Nullable String phone, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.ADD_PARTY", () -> mediations.addParty(id,
                new MediationCommands.NewParty(value(PartyRole.class, role, "role"), name, phone, null), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/sessions")
    String recordSession(@PathVariable long id, @RequestParam(required = false) @Nullable String heldAt,
                         @RequestParam(required = false) @Nullable String place, @RequestParam(required = false) @Nullable String note,
                         RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.RECORD_SESSION", () -> mediations.recordSession(id,
                new MediationCommands.RecordSession(dateTime(heldAt, "heldAt"), place, note), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/risk")
    String assessRisk(@PathVariable long id, @RequestParam(required = false) @Nullable String level,
                      @RequestParam(defaultValue = "false") boolean petitionRisk, @RequestParam(defaultValue = "false") boolean criminalRisk,
                      @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.ASSESS_RISK", () -> mediations.assessRisk(id,
                new MediationCommands.AssessRisk(value(RiskLevel.class, level, "level"), petitionRisk, criminalRisk, note), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/agreement")
    String agree(@PathVariable long id, @RequestParam(required = false) @Nullable String agreement,
                 @RequestParam(defaultValue = "false") boolean judicialConfirmation, @RequestParam(required = false) @Nullable String visitDue,
                 RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.AGREE", () -> mediations.agree(id,
                new MediationCommands.Agree(agreement, judicialConfirmation, blank(visitDue) ? null : date(visitDue, "visitDue")), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/referral")
    String refer(@PathVariable long id, @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String reason,
                 RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.REFER", () -> mediations.refer(id,
                new MediationCommands.Refer(value(Referral.class, to, "to"), reason), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/withdrawal")
    String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.WITHDRAW", () -> mediations.withdraw(id, new MediationCommands.MediationNote(note), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/visits")
    String scheduleVisit(@PathVariable long id, @RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.SCHEDULE_VISIT", () -> mediations.scheduleVisit(id,
                new MediationCommands.ScheduleVisit(date(due, "due")), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/visits/{visitId}")
    String recordVisit(@PathVariable long id, @PathVariable long visitId, @RequestParam(required = false) @Nullable String note,
                       RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.RECORD_VISIT", () -> mediations.recordVisit(id,
                new MediationCommands.RecordVisit(visitId, note == null ? "" : note), reader()));
    }

    @PostMapping("/cogov/mediation/{id}/closure")
    String close(@PathVariable long id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(id, redirect, "cogov.mediation.done.CLOSE", () -> mediations.close(id, new MediationCommands.MediationNote(note), reader()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        return attempt(redirect, "/cogov/mediation/" + id, () -> {
            action.run();
            redirect.addFlashAttribute("flashSuccess", label(done));
            return "redirect:/cogov/mediation/" + id;
        });
    }

    /** Bad input and refused steps come back to the form's page with the reason (the page shows it); others fail. */
    private String attempt(RedirectAttributes redirect, String back, Supplier<String> step) {
        try {
            return step.get();
        } catch (LocalizedException e) {
            int status = e.status().value();
            if (status == 400 || status == 409 || status == 403 && !"error.forbidden".equals(e.messageKey())) {
                redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
                return "redirect:" + back;
            }
            throw e;
        }
    }

    static Actor reader() {
        Actor actor = Actors.require();
        if (!Mediations.reads(actor)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    private static Row row(MediationCase c) {
        return new Row(c.id(), c.number(), c.orderNumber(), c.disputeClass().name(), c.summary(), c.status().name(), c.risk().name(),
                c.escalatedAt() != null, c.mediatorName() == null ? "—" : c.mediatorName(), format(c.createdAt()));
    }

    static String format(@Nullable Instant at) {
        return at == null ? "" : ChinaTime.MINUTES.format(at);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> @Nullable E value(Class<E> type, @Nullable String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", field, text);
        }
    }

    private static LocalDate date(@Nullable String text, String field) {
        if (blank(text)) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", field, text);
        }
    }

    private static LocalDateTime dateTime(@Nullable String text, String field) {
        if (blank(text)) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", field, text);
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
