package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yiwang.fieldwork.Finding;
import org.yiwang.fieldwork.Findings;
import org.yiwang.fieldwork.RecordFinding;
import org.yiwang.fieldwork.Patrol;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.PhotoStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yiwang.fieldwork.FieldworkProperties;
import org.yiwang.fieldwork.PatrolDay;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.LocalDate;

/**
 * 巡查 on the phone: start and stop the patrol, today's time inside the own grids against the 3-hour rule.
 * The page's script follows the phone's position (watchPosition), keeps the points in localStorage and
 * sends them in batches, later when the phone was offline.
 */
@Controller
class PatrolPageController {

    /** The most photos one finding takes (as the report form). */
    static final int MAX_PHOTOS = 9;

    private final Patrols patrols;
    private final org.yiwang.fieldwork.Checklists checklists;
    private final Findings findings;
    private final PhotoStore photos;
    private final MessageSource messages;
    private final FieldworkProperties properties;
    private final String tileUrl;
    private final Clock clock;

    PatrolPageController(Patrols patrols, org.yiwang.fieldwork.Checklists checklists, Findings findings, PhotoStore photos, MessageSource messages,
                         FieldworkProperties properties, YiwangProperties settings, Clock clock) {
        this.patrols = patrols;
        this.checklists = checklists;
        this.findings = findings;
        this.photos = photos;
        this.messages = messages;
        this.properties = properties;
        this.tileUrl = settings.map().tileUrl();
        this.clock = clock;
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "patrol";
    }

    @GetMapping("/m/patrol")
    String patrol(Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        PatrolDay day = patrols.days(actor, today, today).getFirst();
        var running = patrols.running(actor);
        model.addAttribute("patrol", running.orElse(null));
        model.addAttribute("startedAt", running.map(p -> ChinaTime.MINUTES.format(p.startedAt())).orElse(""));
        model.addAttribute("findings", running.map(p -> findings.ofPatrol(p.id(), actor)).orElse(List.of()));
        model.addAttribute("recent", running.isPresent() ? List.of() : findings.recent(actor, 10));
        model.addAttribute("requestId", java.util.UUID.randomUUID().toString());
        model.addAttribute("checklist", checklists.itemsFor(actor));
        model.addAttribute("ticked", running.map(p -> checklists.ticked(p.id(), actor)).orElse(java.util.Set.of()));
        model.addAttribute("today", day);
        model.addAttribute("minutes", day.inGrid().toMinutes());
        model.addAttribute("targetHours", properties.dailyTarget().toMinutes() / 60.0);
        model.addAttribute("maxBatch", properties.maxBatch());
        return "fieldwork/patrol";
    }

    /** 民情日志 from the phone: text, photos from the camera, the phone's position, and what to do with it. */
    @PostMapping("/m/patrol/findings")
    String finding(@RequestParam(required = false) String text, @RequestParam(required = false) Double lat,
                   @RequestParam(required = false) Double lon, @RequestParam(required = false) String outcome,
                   @RequestParam(required = false) String categoryCode, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String requestId,
                   @RequestParam(name = "photos", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER);
        Patrol patrol = patrols.running(actor).orElseThrow(() -> LocalizedException.conflict("fieldwork.error.noPatrol"));
        List<MultipartFile> fresh = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (fresh.size() > MAX_PHOTOS) {
            throw LocalizedException.badRequest("fieldwork.error.tooManyPhotos", MAX_PHOTOS);
        }
        RecordFinding command = new RecordFinding(text, lat, lon, List.of(), FindingController.outcome(outcome),
                blankToNull(categoryCode), note, requestId);
        List<String> ids = new ArrayList<>();
        for (MultipartFile file : fresh) {
            try {
                ids.add(photos.store(file.getBytes(), actor.userId()).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Finding finding = findings.record(patrol.id(), new RecordFinding(command.text(), command.lat(), command.lon(), ids,
                command.outcome(), command.categoryCode(), command.note(), command.requestId()), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("fieldwork.finding.done." + finding.outcome().name(),
                new Object[]{finding.orderNumber()}, LocaleContextHolder.getLocale()));
        return "redirect:/m/patrol";
    }

    /** 三项清单: the items ticked on the running patrol. */
    @PostMapping("/m/patrol/ticks")
    String tick(@RequestParam(name = "item", required = false) List<Long> items, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER);
        Patrol patrol = patrols.running(actor).orElseThrow(() -> LocalizedException.conflict("fieldwork.error.noPatrol"));
        checklists.tick(patrol.id(), items == null ? List.of() : items, actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("fieldwork.checklist.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/m/patrol";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
