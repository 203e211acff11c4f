package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.sorter.DuplicateCandidate;
import org.yiwang.sorter.Duplicates;
import org.yiwang.sorter.Hotspot;
import org.yiwang.sorter.Hotspots;
import org.yiwang.sorter.OrderRef;

import java.util.List;
import java.util.Objects;

/**
 * What the sorter found, where dispatchers decide: the 疑似重复 hint on an order's page (loaded into it by htmx)
 * with 合并 — the work-order MERGE action, through the sorter, which records the decision — or 不是重复; and the
 * 热点 list of the reader's territory.
 */
@Controller
class SorterHints {

    static final int HOTSPOT_LIMIT = 100;

    private final Duplicates duplicates;
    private final Hotspots hotspots;
    private final GridLocator grids;
    private final MessageSource messages;

    SorterHints(Duplicates duplicates, Hotspots hotspots, GridLocator grids, MessageSource messages) {
        this.duplicates = duplicates;
        this.hotspots = hotspots;
        this.grids = grids;
        this.messages = messages;
    }

    /**
     * A likely duplicate seen from one order: the other order, and whether this one is the newer (which a merge
     * would close into the other).
     */
    record Hint(long id, boolean newer, long otherId, String otherNumber, String otherText, String otherStatus,
                int percent, long meters) {
    }

    /** A hot spot as the list shows it. */
    record Spot(long id, String grid, String category, String status, String firstAt, String lastAt, int count,
                List<OrderRef> orders, int residentsAffected) {
    }

    /** The marks of one row of the queue, labelled in the reader's language. */
    record RowMarks(long orderId, List<String> labels) {
    }

    /**
     * 疑似重复 / 热点 marks for the rows of a queue or inbox page ({@code ids} = the rows' order ids, comma separated),
     * fetched by the page after it is drawn; nothing for roles that do not decide on duplicates.
     */
    @GetMapping(value = "/desks/queue-marks", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    List<RowMarks> queueMarks(@RequestParam(defaultValue = "") String ids) {
        Actor actor = DeskAccess.staff();
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            return List.of();
        }
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>();
        for (String part : ids.split(",")) {
            if (!part.isBlank()) {
                try {
                    wanted.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw LocalizedException.badRequest("error.typeMismatch", "ids", part);
                }
            }
        }
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return duplicates.marks(wanted, actor).stream().map(m -> {
            List<String> labels = new java.util.ArrayList<>();
            if (m.duplicates() > 0) {
                labels.add(messages.getMessage("desks.mark.duplicates", new Object[]{m.duplicates()}, locale));
            }
            if (m.hotspot()) {
                labels.add(messages.getMessage("desks.mark.hotspot", null, locale));
            }
            return new RowMarks(m.orderId(), labels);
        }).toList();
    }

    @GetMapping("/desks/orders/{id}/duplicates")
    String duplicatesOf(@PathVariable long id, Model model) {
        Actor actor = DeskAccess.staff();
        List<Hint> hints = List.of();
        if (actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            hints = duplicates.of(id, false, actor).stream().map(d -> hint(d, id)).toList();
        }
        model.addAttribute("hints", hints);
        model.addAttribute("orderId", id);
        model.addAttribute("mayDecide", actor.hasAny(Role.DISPATCHER, Role.ADMIN));
        return "desks/parts :: duplicates";
    }

    @PostMapping("/desks/duplicates/{id}/merge")
    String merge(@PathVariable long id, @RequestParam long orderId, @RequestParam(required = false) String note,
                 RedirectAttributes redirect) {
        Actor actor = DeskAccess.dispatcher();
        return decide(() -> duplicates.merge(id, note, actor), "desks.duplicate.merged", orderId, redirect);
    }

    @PostMapping("/desks/duplicates/{id}/keep-apart")
    String keepApart(@PathVariable long id, @RequestParam long orderId, @RequestParam(required = false) String note,
                     RedirectAttributes redirect) {
        Actor actor = DeskAccess.dispatcher();
        return decide(() -> duplicates.keepApart(id, note, actor), "desks.duplicate.keptApart", orderId, redirect);
    }

    @GetMapping("/desks/hotspots")
    String hotspots(@RequestParam(defaultValue = "open") String tab, Model model) {
        Actor actor = DeskAccess.staff();
        boolean all = switch (tab) {
            case "open" -> false;
            case "all" -> true;
            default -> throw LocalizedException.badRequest("error.typeMismatch", "tab", tab);
        };
        model.addAttribute("spots", hotspots.list(all, HOTSPOT_LIMIT, actor).stream().map(this::spot).toList());
        model.addAttribute("tab", tab);
        return "desks/hotspots";
    }

    /** After a decision the dispatcher is back on the order they came from; a conflict (decided already) says so there. */
    private String decide(java.util.function.Supplier<DuplicateCandidate> decision, String done, long orderId,
                          RedirectAttributes redirect) {
        try {
            DuplicateCandidate d = decision.get();
            redirect.addFlashAttribute("flashSuccess", label(done, d.order().number(), d.candidate().number()));
        } catch (LocalizedException e) {
            if (e.status().value() != 409 && e.status().value() != 400) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
        }
        return "redirect:/console/orders/" + orderId;
    }

    private static Hint hint(DuplicateCandidate d, long seenFrom) {
        boolean newer = d.order().id() == seenFrom;
        OrderRef other = newer ? d.candidate() : d.order();
        return new Hint(d.id(), newer, other.id(), other.number(), Objects.toString(PersonalData.maskText(other.text()), ""),
                other.status(), (int) Math.round(d.score() * 100), Math.round(d.distanceMeters()));
    }

    private Spot spot(Hotspot h) {
        String grid = grids.grid(h.gridCode()).map(IndexedGrid::grid).map(g -> g.name() + "（" + g.code() + "）").orElse(h.gridCode());
        return new Spot(h.id(), grid, h.categoryCode() + " " + Objects.toString(h.categoryName(), ""), h.status(),
                DeskTime.format(h.firstAt()), DeskTime.format(h.lastAt()), h.orderCount(),
                h.orders().stream().map(o -> new OrderRef(o.id(), o.number(), o.gridCode(), o.categoryCode(), o.suggested(),
                        PersonalData.maskText(o.text()), o.reportedAt(), o.status())).toList(), h.residentsAffected());
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
