package org.yiwang.fieldwork.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.fieldwork.CareVisits;
import org.yiwang.fieldwork.DoorService;
import org.yiwang.fieldwork.NeedKind;
import org.yiwang.fieldwork.RecordVisit;
import org.yiwang.fieldwork.Visit;
import org.yiwang.fieldwork.Visits;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;
import org.yiwang.workorder.PhotoStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 入户走访 on the phone: the coverage of my grids this round, the households due, the care visits due, and the
 * visit form (present or not, needs, services at the door, camera photos, people met, follow-up as an order).
 * Grid workers see their grids, community staff their community.
 */
@Controller
class VisitPageController {

    static final int LIST = 50;

    private final Visits visits;
    private final CareVisits care;
    private final PhotoStore photos;
    private final MessageSource messages;
    private final String tileUrl;

    VisitPageController(Visits visits, CareVisits care, PhotoStore photos, MessageSource messages, YiwangProperties settings) {
        this.visits = visits;
        this.care = care;
        this.photos = photos;
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current(tileUrl);
    }

    @ModelAttribute("tab")
    String tab() {
        return "visits";
    }

    @GetMapping("/m/visits")
    String visits(@RequestParam(required = false) @Nullable String grid, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("coverage", visits.coverage("grid", grid, actor));
        model.addAttribute("due", visits.due(grid, false, 0, LIST, actor));
        model.addAttribute("care", care.list(grid, CareVisits.Filter.DUE, actor).stream().limit(LIST).toList());
        model.addAttribute("grid", grid == null ? "" : grid);
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "fieldwork/visits";
    }

    @GetMapping("/m/visits/households/{id}")
    String household(@PathVariable long id, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("detail", visits.household(id, actor));
        model.addAttribute("needKinds", NeedKind.values());
        model.addAttribute("services", DoorService.values());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "fieldwork/visit";
    }

    /** The visit form from the phone: camera photos are stored first, then the visit (once per request id). */
    @PostMapping("/m/visits")
    String record(@RequestParam(required = false) @Nullable Long householdId, @RequestParam(required = false) @Nullable String present,
                  @RequestParam(required = false) @Nullable String needs, @RequestParam(required = false) @Nullable List<String> needKinds,
                  @RequestParam(required = false) @Nullable List<String> services, @RequestParam(required = false) @Nullable String note,
                  @RequestParam(required = false) @Nullable List<Long> met, @RequestParam(required = false) @Nullable String followUp,
                  @RequestParam(required = false) @Nullable String categoryCode, @RequestParam(required = false) @Nullable String requestId,
                  @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> files, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        if (householdId == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "householdId");
        }
        if (present == null || !(present.equals("true") || present.equals("false"))) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "present");
        }
        boolean athome = Boolean.parseBoolean(present);
        List<MultipartFile> fresh = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (fresh.size() > RecordVisit.MAX_PHOTOS) {
            throw LocalizedException.badRequest("fieldwork.error.tooManyPhotos", RecordVisit.MAX_PHOTOS);
        }
        // checked before any photo is stored: bad input leaves nothing behind
        RecordVisit checked = new RecordVisit(householdId, athome, needs, VisitController.parse(needKinds, NeedKind.class, "needKinds"),
                athome ? VisitController.parse(services, DoorService.class, "services") : java.util.Set.of(), note, List.of(),
                athome && met != null ? met : List.of(), followUp != null, categoryCode, requestId);
        List<String> ids = new ArrayList<>();
        for (MultipartFile file : fresh) {
            try {
                ids.add(photos.store(file.getBytes(), actor.userId()).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Visit visit = visits.record(new RecordVisit(checked.householdId(), checked.present(), checked.needs(), checked.needKinds(),
                checked.services(), checked.note(), ids, checked.metPersonIds(), checked.followUp(), checked.categoryCode(),
                checked.requestId()), actor);
        String key = visit.orderNumber() != null ? "fieldwork.visit.doneWithOrder"
                : visit.present() ? (visit.counted() ? "fieldwork.visit.done" : "fieldwork.visit.doneAgain") : "fieldwork.visit.doneAbsent";
        redirect.addFlashAttribute("flashSuccess", messages.getMessage(key, new Object[]{visit.orderNumber()}, LocaleContextHolder.getLocale()));
        return "redirect:/m/visits";
    }

    @PostMapping("/m/visits/care")
    String careVisit(@RequestParam(required = false) @Nullable Long personId, @RequestParam(required = false) @Nullable String note,
                     @RequestParam(required = false) @Nullable String requestId, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        if (personId == null) {
            throw LocalizedException.badRequest("fieldwork.error.visitField", "personId");
        }
        care.record(personId, note, requestId, actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("fieldwork.care.done", null, LocaleContextHolder.getLocale()));
        return "redirect:/m/visits";
    }
}
