package org.yiwang.desks.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.intake.FieldProblem;
import org.yiwang.intake.InvalidReportException;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.ReportKind;
import org.yiwang.intake.ReportSubmissions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 电话受理 — a dispatcher takes a call: a 12345 hotline order read out by its number, or a call to the command
 * centre's own duty phone (numbered here, {@code TEL…}). The form goes through the intake service like any
 * hotline order — checked field by field, located by point, standard address or address words, sorted and
 * routed — or waits in 待定位 when its place cannot be found.
 */
@Controller
class PhoneDesk {

    static final DateTimeFormatter CALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WorkingCalendar.ZONE);
    private static final DateTimeFormatter NUMBER = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(WorkingCalendar.ZONE);

    private final ReportSubmissions submissions;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneDesk(ReportSubmissions submissions, Catalog catalog, MessageSource messages, Clock clock) {
        this.submissions = submissions;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The call form. {@code source}: {@code 12345} (with the hotline's order number) or {@code phone} (the duty
     * phone; a number is made up here).
     */
    record CallForm(String source, String externalNo, String caller, String phone, String content, String categoryCode,
                    String urgency, String address, String lat, String lon) {
        static final CallForm EMPTY = new CallForm("phone", null, null, null, null, null, "NORMAL", null, null, null);
    }

    @GetMapping("/desks/phone")
    String form(Model model) {
        DeskAccess.dispatcher();
        return render(model, CallForm.EMPTY, Map.of(), null);
    }

    @PostMapping("/desks/phone")
    String take(@ModelAttribute CallForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean hotline = "12345".equals(form.source());
        if (!hotline && !"phone".equals(form.source())) {
            response.setStatus(400);
            return render(model, form, Map.of("source", label("error.typeMismatch", "source", String.valueOf(form.source()))), null);
        }
        String number = hotline ? DeskAccess.blankToNull(form.externalNo()) : dutyPhoneNumber();
        put(fields, "externalNo", number);
        put(fields, "calledAt", CALLED_AT.format(clock.instant()));
        put(fields, "caller", form.caller());
        put(fields, "phone", form.phone());
        put(fields, "content", form.content());
        put(fields, "type", form.categoryCode());
        put(fields, "urgency", form.urgency());
        put(fields, "address", form.address());
        put(fields, "lat", form.lat());
        put(fields, "lon", form.lon());
        try {
            Receipt receipt = submissions.submit(ReportKind.HOTLINE, fields, actor);
            return switch (receipt.outcome()) {
                case CREATED -> {
                    redirect.addFlashAttribute("flashSuccess", label("desks.phone.created", receipt.orderNumber()));
                    yield "redirect:/console/orders/" + receipt.orderId();
                }
                case PENDING -> {
                    redirect.addFlashAttribute("flashSuccess", label("desks.phone.pending", receipt.externalNo()));
                    yield "redirect:/desks/pending/" + receipt.recordId();
                }
                case DUPLICATE -> {
                    response.setStatus(409);
                    yield render(model, form, Map.of("externalNo", label("desks.phone.duplicate", receipt.externalNo(),
                            receipt.orderNumber() == null ? "—" : receipt.orderNumber())), null);
                }
            };
        } catch (InvalidReportException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.merge(p.field(), label(p.key(), p.args().toArray()), (a, b) -> a + "；" + b);
            }
            return render(model, form, errors, label(e.messageKey(), e.args()));
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            return render(model, form, Map.of(), label(e.messageKey(), e.args()));
        }
    }

    /** A number for a call to the duty phone: the minute it was taken (CST) and four random digits. */
    private String dutyPhoneNumber() {
        return "TEL" + NUMBER.format(clock.instant()) + String.format("%04d", random.nextInt(10_000));
    }

    private String render(Model model, CallForm form, Map<String, String> errors, String error) {
        Map<String, List<Category>> groups = new LinkedHashMap<>();
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        for (MajorClass major : catalog.majorClasses()) {
            List<Category> in = catalog.categories().stream().filter(Category::enabled)
                    .filter(c -> c.majorClass().equals(major.code())).toList();
            if (!in.isEmpty()) {
                groups.put(major.code() + " " + (english && major.nameEn() != null ? major.nameEn() : major.name()), in);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", error);
        model.addAttribute("categoryGroups", groups);
        model.addAttribute("urgencies", Urgency.values());
        return "desks/phone";
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
