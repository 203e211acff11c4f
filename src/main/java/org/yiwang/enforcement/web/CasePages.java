package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.enforcement.CaseAction;
import org.yiwang.enforcement.CaseFile;
import org.yiwang.enforcement.Cases;
import org.yiwang.enforcement.Catalogue;
import org.yiwang.enforcement.Department;
import org.yiwang.enforcement.EnforcementCase;
import org.yiwang.enforcement.EnforcementItem;
import org.yiwang.enforcement.OpenCase;
import org.yiwang.enforcement.Party;
import org.yiwang.enforcement.RecordInspection;
import org.yiwang.enforcement.Stage;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * 联合执法 in the console: the case list with the form to open a case (from an order number or at a grid), the case
 * page with the actions its stage allows the reader, the inspection form, and the notice as PDF (served by the API).
 */
@Controller
class CasePages {

    private final Cases cases;
    private final Catalogue catalogue;
    private final WorkOrderQueries orders;
    private final Organization organization;
    private final Grids grids;
    private final GridLocator locator;
    private final PhotoStore photos;
    private final MessageSource messages;
    private final Clock clock;
    private final org.yiwang.fieldwork.Findings findings;

    CasePages(Cases cases, Catalogue catalogue, WorkOrderQueries orders, Organization organization, Grids grids, GridLocator locator,
              PhotoStore photos, MessageSource messages, Clock clock, org.yiwang.fieldwork.Findings findings) {
        this.findings = findings;
        this.cases = cases;
        this.catalogue = catalogue;
        this.orders = orders;
        this.organization = organization;
        this.grids = grids;
        this.locator = locator;
        this.photos = photos;
        this.messages = messages;
        this.clock = clock;
    }

    /** A grid to choose in a form. */
    record GridOption(String code, String label) {
    }

    /** A row of a case page's summons table. */
    record SummonsRow(String department, String summonedAt, String dueAt, String arrivedAt, String light, boolean escalated) {
    }

    /** A party as the page shows it: masked. */
    record PartyRow(String kind, String name, String phone, String reference) {
    }

    /** A history row. */
    record HistoryRow(String at, String actor, String action, String from, String to, String note) {
    }

    @GetMapping("/enforcement/cases")
    String list(@RequestParam(defaultValue = "open") String tab, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        Cases.Filter filter = switch (tab) {
            case "open" -> new Cases.Filter(null, true, null);
            case "closed" -> new Cases.Filter(Stage.CLOSED, false, null);
            case "transferred" -> new Cases.Filter(Stage.TRANSFERRED, false, null);
            case "all" -> new Cases.Filter(null, false, null);
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        model.addAttribute("cases", cases.list(filter, page, actor));
        model.addAttribute("tab", tab);
        model.addAttribute("mayOpen", actor.hasAny(Role.DISPATCHER, Role.HANDLER));
        model.addAttribute("scenarios", catalogue.scenarios());
        model.addAttribute("grids", gridOptions(actor));
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "enforcement/cases";
    }

    List<GridOption> gridOptions(Actor actor) {
        List<GridOption> options = new ArrayList<>();
        for (String prefix : actor.scope().citywide() ? List.of("") : actor.scope().divisionPrefixes()) {
            for (String code : grids.comprehensiveGridCodes(prefix)) {
                locator.grid(code).ifPresent(g -> options.add(new GridOption(code, g.street().name() + " · " + g.community().name()
                        + " · " + g.grid().name())));
            }
        }
        options.sort(Comparator.comparing(GridOption::code));
        return options;
    }

    @PostMapping("/enforcement/cases")
    String open(@RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String orderNumber,
                @RequestParam(required = false) @Nullable String gridCode, @RequestParam(required = false) @Nullable String scenario,
                @RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String address,
                @RequestParam(required = false) @Nullable Long patrolId, @RequestParam(required = false) @Nullable Long findingId,
                @RequestParam(required = false) @Nullable String requestKey, @RequestParam(defaultValue = "console") String from,
                RedirectAttributes redirect) {
        Actor actor = Actors.require();
        EnforcementCase opened;
        try {
            EnforcementCase.Source s = Inputs.parse(source, EnforcementCase.Source.class, "source");
            Long orderId = null;
            if (s == EnforcementCase.Source.ORDER) {
                if (orderNumber == null || orderNumber.isBlank()) {
                    throw LocalizedException.badRequest("enforcement.error.required", "orderNumber");
                }
                String number = orderNumber.strip();
                orderId = orders.list(new OrderFilter(null, null, null, null, null, null, null, null, null, number), 0, 20, actor)
                        .content().stream().filter(o -> o.number().equals(number)).map(WorkOrder::id).findFirst()
                        .orElseThrow(() -> LocalizedException.notFound("enforcement.error.orderNotFound", number));
            }
            boolean fromFinding = s == EnforcementCase.Source.FINDING;
            opened = cases.open(new OpenCase(s, orderId, fromFinding ? patrolId : null, fromFinding ? findingId : null,
                    s == EnforcementCase.Source.DIRECT ? gridCode : null, scenario == null ? "" : scenario, blankToNull(title),
                    blankToNull(address), requestKey), actor);
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            // refused (bad input, unknown order or grid): the reason on the form's page, not the error page
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
            if ("finding".equals(from) && findingId != null) {
                return "redirect:/m/enforcement/from-finding/" + findingId;
            }
            return "phone".equals(from) ? "redirect:/m/enforcement" : "redirect:/enforcement/cases";
        }
        redirect.addFlashAttribute("flashSuccess", label("enforcement.case.opened", opened.number()));
        return "phone".equals(from) || "finding".equals(from) ? "redirect:/m/enforcement/cases/" + opened.id()
                : "redirect:/enforcement/cases/" + opened.id();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @GetMapping("/enforcement/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        CaseFile file = cases.get(id, actor);
        fill(file, actor, model);
        return "enforcement/case";
    }

    void fill(CaseFile file, Actor actor, Model model) {
        Instant now = clock.instant();
        EnforcementCase c = file.enforcementCase();
        model.addAttribute("file", file);
        model.addAttribute("c", c);
        model.addAttribute("findingPhotos", c.findingId() == null ? List.of() : findings.photoIdsOf(c.findingId()));
        model.addAttribute("can", file.allowed().stream().map(Enum::name).toList());
        model.addAttribute("summons", file.summons().stream().map(s -> new SummonsRow(s.departmentName(), ChinaTime.MINUTES.format(s.summonedAt()),
                ChinaTime.MINUTES.format(s.dueAt()), s.arrivedAt() == null ? "" : ChinaTime.MINUTES.format(s.arrivedAt()),
                s.light(now).name(), s.escalatedAt() != null)).toList());
        model.addAttribute("parties", file.parties().stream().map(p -> new PartyRow(p.kind().name(), PersonalData.maskName(p.name()),
                p.phone() == null ? "" : PersonalData.maskPhone(p.phone()), p.reference() == null ? "" : p.reference())).toList());
        model.addAttribute("inspections", file.inspections().stream().map(i -> new org.yiwang.enforcement.Inspection(i.id(), i.at(),
                i.byName(), i.passed(), i.failed(), PersonalData.maskText(i.findings()), i.photoIds())).toList());
        model.addAttribute("history", file.history().stream().map(h -> new HistoryRow(ChinaTime.MINUTES.format(h.at()), h.actorName(),
                h.action(), h.from() == null ? "" : h.from().name(), h.to().name(), h.note() == null ? "" : PersonalData.maskText(h.note())))
                .toList());
        List<Long> summoned = file.summons().stream().map(s -> s.departmentId()).toList();
        model.addAttribute("departments", organization.departmentsOf(c.districtCode()).stream()
                .filter(OrgUnit::enabled).filter(u -> u.id() != c.leadDepartmentId() && !summoned.contains(u.id())).toList());
        model.addAttribute("today", LocalDate.ofInstant(now, ChinaTime.ZONE));
        model.addAttribute("createdAt", ChinaTime.MINUTES.format(c.createdAt()));
        model.addAttribute("noticeIssuedAt", file.notice() == null ? "" : ChinaTime.MINUTES.format(file.notice().issuedAt()));
    }

    @GetMapping("/enforcement/cases/{id}/inspection")
    String inspectionForm(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        CaseFile file = cases.get(id, actor);
        if (!file.allowed().contains(CaseAction.INSPECT)) {
            throw LocalizedException.conflict("enforcement.error.stage", CaseAction.INSPECT.name(), file.enforcementCase().stage().name());
        }
        model.addAttribute("file", file);
        model.addAttribute("c", file.enforcementCase());
        List<EnforcementItem> all = catalogue.items(true);
        List<String> suggested = file.scenario().itemCodes();
        model.addAttribute("suggested", all.stream().filter(i -> suggested.contains(i.code())).toList());
        model.addAttribute("others", all.stream().filter(i -> !suggested.contains(i.code())).toList());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "enforcement/inspection";
    }

    /** The inspection form (console or phone): each checklist point passed, failed or not checked; photos stored first. */
    @PostMapping("/enforcement/cases/{id}/inspection")
    String inspect(@PathVariable long id, @RequestParam java.util.Map<String, String> form,
                   @RequestParam(name = "itemCodes", required = false) @Nullable List<String> itemCodes,
                   @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> files,
                   @RequestParam(defaultValue = "console") String from, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        CaseFile file = cases.get(id, actor);
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> checklist = file.scenario().checklist();
        for (int i = 0; i < checklist.size(); i++) {
            String answer = form.get("check" + i);
            if ("pass".equals(answer)) {
                passed.add(checklist.get(i));
            } else if ("fail".equals(answer)) {
                failed.add(checklist.get(i));
            } else if (answer != null && !answer.isBlank() && !"na".equals(answer)) {
                throw LocalizedException.badRequest("enforcement.error.field", "check" + i);
            }
        }
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = form.get("partyName" + i);
            if (name != null && !name.isBlank()) {
                parties.add(new Party(Inputs.parse(form.getOrDefault("partyKind" + i, "PERSON"), Party.Kind.class, "parties.kind"), name,
                        form.get("partyPhone" + i), form.get("partyReference" + i)));
            }
        }
        List<MultipartFile> fresh = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (fresh.size() > RecordInspection.MAX_PHOTOS) {
            throw LocalizedException.badRequest("enforcement.error.tooManyPhotos", RecordInspection.MAX_PHOTOS);
        }
        // checked before any photo is stored: bad input leaves nothing behind
        RecordInspection checked = new RecordInspection(passed, failed, form.getOrDefault("findings", ""), parties, itemCodes, List.of(),
                form.get("requestKey"));
        List<String> ids = new ArrayList<>();
        for (MultipartFile f : fresh) {
            try {
                ids.add(photos.store(f.getBytes(), actor.userId()).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cases.inspect(id, new RecordInspection(checked.passed(), checked.failed(), checked.findings(), checked.parties(), checked.itemCodes(),
                ids, checked.requestKey()), actor);
        redirect.addFlashAttribute("flashSuccess", label("enforcement.inspection.saved", file.enforcementCase().number()));
        return "phone".equals(from) ? "redirect:/m/enforcement/cases/" + id : "redirect:/enforcement/cases/" + id;
    }

    /** One step of a case from the case page's forms. */
    @PostMapping("/enforcement/cases/{id}/steps/{action}")
    String step(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable String note,
                @RequestParam(required = false) @Nullable List<Long> departmentIds,
                @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam(required = false) @Nullable String passed, @RequestParam(required = false) @Nullable String agency,
                @RequestParam(defaultValue = "console") String from, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        String back = "phone".equals(from) ? "redirect:/m/enforcement/cases/" + id : "redirect:/enforcement/cases/" + id;
        CaseAction a;
        CaseFile done;
        try {
            a = Inputs.parse(action.replace('-', '_'), CaseAction.class, "action");
            done = switch (a) {
                case SUMMON -> cases.summon(id, departmentIds == null ? List.of() : departmentIds, actor);
                case ARRIVE -> cases.arrive(id, actor);
                case INVESTIGATE -> cases.investigate(id, note, actor);
                case NOTIFY -> cases.serveNotice(id, date, note, actor);
                case DECIDE -> cases.decide(id, note, actor);
                case EXECUTE -> cases.execute(id, note, actor);
                case SCHEDULE_REINSPECTION -> cases.scheduleReinspection(id, date, actor);
                case REINSPECT -> cases.reinspect(id, passed == null ? null : Boolean.valueOf(passed), note, actor);
                case CLOSE -> cases.close(id, note, actor);
                case TRANSFER -> cases.transfer(id, agency, note, actor);
                case INSPECT -> throw LocalizedException.badRequest("enforcement.error.field", "action");
            };
        } catch (LocalizedException e) {
            int status = e.status().value();
            if (status != 400 && status != 409) {
                throw e;
            }
            // a step the stage does not allow, or bad input: the reason on the case's page, not the error page
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
            return back;
        }
        redirect.addFlashAttribute("flashSuccess", label("enforcement.step.done", label("enforcement.action." + a.name()),
                done.enforcementCase().number()));
        return back;
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static String departmentLabel(Department d) {
        return "enforcement.department." + d.name();
    }
}
