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
import org.yiwang.hotline.Article;
import org.yiwang.hotline.Call;
import org.yiwang.hotline.CallerHistory;
import org.yiwang.hotline.CallerPhone;
import org.yiwang.hotline.Calls;
import org.yiwang.hotline.Knowledge;
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
import java.util.UUID;

/**
 * 电话受理 — a dispatcher takes a call: a 12345 hotline order read out by its number, or a call to the command
 * centre's own duty phone (numbered here, {@code TEL…}). The form goes through the intake service like any
 * hotline order — checked field by field, located by point, standard address or address words, sorted and
 * routed — or waits in 待定位 when its place cannot be found.
 * <p>
 * While the caller is on the line the agent looks up the number (来电记录: earlier calls and the caller's open
 * orders, masked, the lookup recorded), links a repeat call on the same matter to its open order (重复来电, no new
 * order), or searches the knowledge base (知识库) and closes the call as a direct answer (直接答复). The form carries
 * a request key, so a double submit records one call.
 */
@Controller
class PhoneDesk {

    static final DateTimeFormatter CALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WorkingCalendar.ZONE);
    private static final DateTimeFormatter NUMBER = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(WorkingCalendar.ZONE);

    private final ReportSubmissions submissions;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final Calls calls;
    private final Knowledge knowledge;
    private final SecureRandom random = new SecureRandom();

    PhoneDesk(ReportSubmissions submissions, Catalog catalog, MessageSource messages, Clock clock, Calls calls, Knowledge knowledge) {
        this.submissions = submissions;
        this.calls = calls;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The call form. {@code source}: {@code 12345} (with the hotline's order number) or {@code phone} (the duty
     * phone; a number is made up here).
     */
    record CallForm(String source, String externalNo, String caller, String phone, String content, String categoryCode,
                    String urgency, String address, String lat, String lon, String kb, String requestKey) {
        static final CallForm EMPTY = new CallForm("phone", null, null, null, null, null, "NORMAL", null, null, null, null, null);

        CallForm withKey() {
            return requestKey != null && !requestKey.isBlank() ? this
                    : new CallForm(source, externalNo, caller, phone, content, categoryCode, urgency, address, lat, lon, kb,
                    UUID.randomUUID().toString());
        }
    }

    @GetMapping("/desks/phone")
    String form(Model model) {
        DeskAccess.dispatcher();
        return render(model, CallForm.EMPTY, Map.of(), null);
    }

    /** 来电记录: the caller's earlier calls and open orders, the form kept as typed. */
    @PostMapping("/desks/phone/lookup")
    String lookup(@ModelAttribute CallForm form, Model model, HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        try {
            CallerHistory history = calls.history(CallerPhone.of(form.phone()), actor);
            Map<Long, String> times = new LinkedHashMap<>();
            history.calls().forEach(c -> times.put(c.id(), DeskTime.format(c.calledAt())));
            model.addAttribute("history", history);
            model.addAttribute("callTimes", times);
            return render(model, form, Map.of(), null);
        } catch (LocalizedException e) {
            return refused(e, "phone", model, form, response);
        }
    }

    /** 知识库: articles matching the words typed in {@code kb}, the form kept as typed. */
    @PostMapping("/desks/phone/knowledge")
    String searchKnowledge(@ModelAttribute CallForm form, Model model) {
        Actor actor = DeskAccess.dispatcher();
        model.addAttribute("articles", knowledge.search(form.kb(), actor));
        return render(model, form, Map.of(), null);
    }

    /** 重复来电: the call is linked to the caller's open order {@code orderId}; the order page opens. */
    @PostMapping("/desks/phone/repeat")
    String repeat(@ModelAttribute CallForm form, @org.springframework.web.bind.annotation.RequestParam(required = false) Long orderId,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        try {
            if (orderId == null) {
                throw LocalizedException.badRequest("hotline.error.orderRequired");
            }
            Call call = calls.repeat(CallerPhone.of(form.phone()), orderId, form.content(), form.requestKey(), actor);
            redirect.addFlashAttribute("flashSuccess", label("desks.phone.repeatLinked", call.orderNumber(), calls.repeatCalls(orderId)));
            return "redirect:/console/orders/" + orderId;
        } catch (LocalizedException e) {
            return refused(e, "phone", model, form, response);
        }
    }

    /** 直接答复: the call was answered from article {@code articleId}; back to an empty form for the next call. */
    @PostMapping("/desks/phone/answer")
    String answer(@ModelAttribute CallForm form, @org.springframework.web.bind.annotation.RequestParam(required = false) Long articleId,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        try {
            if (articleId == null) {
                throw LocalizedException.badRequest("hotline.error.articleRequired");
            }
            Call call = calls.answer(CallerPhone.of(form.phone()), articleId, form.content(), form.requestKey(), actor);
            redirect.addFlashAttribute("flashSuccess", label("desks.phone.answered", call.phoneMasked(), call.articleQuestion()));
            return "redirect:/desks/phone";
        } catch (LocalizedException e) {
            return refused(e, "phone", model, form, response);
        }
    }

    private String refused(LocalizedException e, String field, Model model, CallForm form, HttpServletResponse response) {
        if (e.status().value() >= 500) {
            throw e;
        }
        response.setStatus(e.status().value());
        String text = label(e.messageKey(), e.args());
        return render(model, form, e.messageKey().startsWith("hotline.error.phone") ? Map.of(field, text) : Map.of(), text);
    }

    @PostMapping("/desks/phone")
    String take(@ModelAttribute CallForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor actor = DeskAccess.dispatcher();
        // a form sent twice: the first one's order, not a second
        if (form.requestKey() != null && !form.requestKey().isBlank()) {
            var earlier = calls.byRequestKey(form.requestKey());
            if (earlier.isPresent() && earlier.get().orderId() != null) {
                return "redirect:/console/orders/" + earlier.get().orderId();
            }
        }
        // the call is remembered under a number the desk can normalise; the intake checks the field itself
        CallerPhone callerPhone = null;
        if (form.phone() != null && !form.phone().isBlank()) {
            try {
                callerPhone = CallerPhone.of(form.phone());
            } catch (LocalizedException e) {
                callerPhone = null;
            }
        }
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
                    if (callerPhone != null && form.requestKey() != null && !form.requestKey().isBlank()) {
                        calls.recordNewOrder(callerPhone, receipt.orderId(), form.requestKey(), actor);
                    }
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
        model.addAttribute("form", form.withKey());
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
