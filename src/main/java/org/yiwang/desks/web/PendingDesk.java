package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.intake.LocatePending;
import org.yiwang.intake.PendingReport;
import org.yiwang.intake.PendingReports;
import org.yiwang.intake.Receipt;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.YiwangProperties;

import java.util.List;
import java.util.Objects;

/**
 * 待定位 — the hotline, 数字城管 and Open311 reports whose place could not be found: the queue, oldest first, and
 * one report's page with a map of the dispatcher's grids to click the place (or a standard-address or grid code),
 * which creates the work order and routes it like any other; or discard it with a reason.
 */
@Controller
class PendingDesk {

    static final int PAGE_SIZE = 50;

    private final PendingReports pending;
    private final MessageSource messages;
    private final String tileUrl;

    PendingDesk(PendingReports pending, MessageSource messages, YiwangProperties settings) {
        this.pending = pending;
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
    }

    /** A pending report as the desk shows it; the caller's name and number come masked from intake. */
    record Row(long id, String channel, String externalNo, String receivedAt, String externalDueAt, String description,
               String address, String categoryText, String urgency, String reporter, String districtHint) {
    }

    /** The place form: one of a clicked point (WGS-84), a standard-address code, a grid code. */
    record PlaceInput(String lat, String lon, String addressCode, String gridCode, String reason) {
        static final PlaceInput EMPTY = new PlaceInput(null, null, null, null, null);
    }

    @GetMapping("/desks/pending")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = DeskAccess.dispatcher();
        if (page < 0) {
            throw LocalizedException.badRequest("error.typeMismatch", "page", page);
        }
        PendingReports.Page result = pending.list(null, page, PAGE_SIZE, actor);
        model.addAttribute("rows", result.content().stream().map(PendingDesk::row).toList());
        model.addAttribute("total", result.totalElements());
        model.addAttribute("page", page);
        model.addAttribute("more", (long) (page + 1) * PAGE_SIZE < result.totalElements());
        return "desks/pending";
    }

    @GetMapping("/desks/pending/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = DeskAccess.dispatcher();
        return render(pending.get(id, actor), model, PlaceInput.EMPTY, null, null);
    }

    @PostMapping("/desks/pending/{id}/locate")
    String locate(@PathVariable long id, @ModelAttribute PlaceInput input, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        PendingReport report = pending.get(id, actor);
        try {
            LocatePending where;
            String code = DeskAccess.blankToNull(input.addressCode());
            String grid = DeskAccess.blankToNull(input.gridCode());
            if (code != null || grid != null) {
                where = new LocatePending(code, grid, null, null, null);
            } else {
                where = new LocatePending(null, null, number("lat", input.lat()), number("lon", input.lon()), "WGS84");
            }
            Receipt receipt = pending.locate(id, where, actor);
            redirect.addFlashAttribute("flashSuccess", label("desks.pending.located", report.externalNo(), receipt.orderNumber()));
            return "redirect:/console/orders/" + receipt.orderId();
        } catch (LocalizedException e) {
            return failed(e, report, model, input, "locate", redirect, response);
        }
    }

    @PostMapping("/desks/pending/{id}/discard")
    String discard(@PathVariable long id, @ModelAttribute PlaceInput input, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        PendingReport report = pending.get(id, actor);
        try {
            pending.discard(id, input.reason(), actor);
            redirect.addFlashAttribute("flashSuccess", label("desks.pending.discarded", report.externalNo()));
            return "redirect:/desks/pending";
        } catch (LocalizedException e) {
            return failed(e, report, model, input, "discard", redirect, response);
        }
    }

    /** Bad input and a place outside the grids (400, 422) show the page again; a report no longer pending goes to the list. */
    private String failed(LocalizedException e, PendingReport report, Model model, PlaceInput input, String form,
                          RedirectAttributes redirect, HttpServletResponse response) {
        int status = e.status().value();
        if (status == 400 || status == 422) {
            response.setStatus(status);
            return render(report, model, input, form, label(e.messageKey(), e.args()));
        }
        if (status == 409) {
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
            return "redirect:/desks/pending";
        }
        throw e;
    }

    private static Double number(String field, String text) {
        String t = DeskAccess.blankToNull(text);
        if (t == null) {
            throw LocalizedException.badRequest("desks.pending.error.point");
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw LocalizedException.badRequest("error.typeMismatch", field, t);
        }
    }

    private String render(PendingReport report, Model model, PlaceInput input, String failedForm, String error) {
        model.addAttribute("r", row(report));
        model.addAttribute("input", input);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("formError", error);
        model.addAttribute("tileUrl", tileUrl);
        return "desks/pending-report";
    }

    private static Row row(PendingReport p) {
        String reporter = List.of(Objects.toString(p.reporterName(), ""), Objects.toString(p.reporterPhone(), "")).stream()
                .filter(s -> !s.isBlank()).reduce((a, b) -> a + " " + b).orElse("—");
        return new Row(p.id(), p.channel().name(), p.externalNo(), DeskTime.format(p.receivedAt()), DeskTime.format(p.externalDueAt()),
                p.description(), Objects.toString(p.address(), ""), Objects.toString(p.categoryText(), ""), p.urgency().name(),
                reporter, Objects.toString(p.districtHint(), ""));
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
