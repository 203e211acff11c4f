package org.yiwang.intake.web.admin;

import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.intake.webhook.Delivery;
import org.yiwang.intake.webhook.EventTypes;
import org.yiwang.intake.webhook.Webhook;
import org.yiwang.intake.webhook.Webhooks;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 网络推送 — the outbound webhooks: subscribers (adding one, its secret shown once; enabling, disabling,
 * deleting after a confirmation, a test ping, redelivering its dead letters) and the deliveries with a
 * status filter, {@code DEAD} being the dead-letter list (死信), each redeliverable. Everything goes through
 * {@link Webhooks}; bad input shows the form again with the reason.
 */
@Controller
class WebhookAdminController {

    static final int PAGE_SIZE = 50;
    static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "DEAD");
    private static final DateTimeFormatter TIME = ChinaTime.SECONDS;

    private final Webhooks webhooks;
    private final MessageSource messages;

    WebhookAdminController(Webhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    /** What the new-subscriber form sends. */
    record WebhookForm(String name, String url, String secret, List<String> eventTypes, List<String> sources, Boolean enabled) {

        static final WebhookForm EMPTY = new WebhookForm(null, null, null, List.of("order.*"), List.of(), Boolean.TRUE);

        public boolean hasType(String type) {
            return eventTypes != null && eventTypes.contains(type);
        }

        public boolean hasSource(String source) {
            return sources != null && sources.contains(source);
        }
    }

    /** A choice on the form and its label. */
    record Choice(String code, String label) {
    }

    /** A delivery as the list shows it. */
    record DeliveryRow(Delivery delivery, String subscriber, String createdAt, String deliveredAt, String nextAttemptAt) {
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        Actor admin = admin();
        return page(admin, WebhookForm.EMPTY, null, model);
    }

    @PostMapping("/admin/webhooks")
    String create(@ModelAttribute WebhookForm form, Model model, HttpServletResponse response) {
        Actor admin = admin();
        try {
            Webhooks.WithSecret created = webhooks.create(new Webhooks.NewWebhook(form.name(), form.url(), form.secret(),
                    form.eventTypes() == null ? List.of() : form.eventTypes(), form.sources(), Boolean.TRUE.equals(form.enabled())), admin);
            // the secret is on this answer only: never in a redirect's flash (kept in the session store) nor in a cache
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("hook", created.webhook());
            model.addAttribute("secret", created.secret());
            model.addAttribute("typeLabels", typeLabels());
            model.addAttribute("sourceLabels", sourceLabels());
            model.addAttribute("flashSuccess", label("intake.admin.webhooks.created", created.webhook().name()));
            return "intake/admin/webhook-created";
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            String message = describe(e);
            model.addAttribute("flashError", message);
            return page(admin, form, message, model);
        }
    }

    @PostMapping("/admin/webhooks/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return switchTo(id, true, redirect);
    }

    @PostMapping("/admin/webhooks/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return switchTo(id, false, redirect);
    }

    private String switchTo(long id, boolean enabled, RedirectAttributes redirect) {
        Actor admin = admin();
        Webhook hook = webhooks.change(id, new Webhooks.WebhookChange(null, null, null, null, null, enabled), admin).webhook();
        redirect.addFlashAttribute("flashSuccess", label(enabled ? "intake.admin.webhooks.enabledNow" : "intake.admin.webhooks.disabledNow",
                hook.name()));
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/admin/webhooks/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        Actor admin = admin();
        model.addAttribute("hook", webhooks.get(id, admin));
        return "intake/admin/webhook-delete";
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = admin();
        Webhook hook = webhooks.get(id, admin);
        webhooks.delete(id, admin);
        redirect.addFlashAttribute("flashSuccess", label("intake.admin.webhooks.deleted", hook.name()));
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/ping")
    String ping(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = admin();
        Delivery queued = webhooks.ping(id, admin);
        redirect.addFlashAttribute("flashSuccess", label("intake.admin.webhooks.pinged", webhooks.get(id, admin).name(), queued.id()));
        return "redirect:/admin/webhooks/deliveries?webhookId=" + id;
    }

    @PostMapping("/admin/webhooks/{id}/redeliver-dead")
    String redeliverDead(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = admin();
        int requeued = webhooks.redeliverDead(id, admin);
        redirect.addFlashAttribute("flashSuccess", label("intake.admin.webhooks.deadRequeued", webhooks.get(id, admin).name(), requeued));
        return "redirect:/admin/webhooks/deliveries?webhookId=" + id;
    }

    @GetMapping("/admin/webhooks/deliveries")
    String deliveries(@RequestParam(required = false) Long webhookId, @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        Actor admin = admin();
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        List<Webhook> hooks = webhooks.list(admin);
        Map<Long, String> names = hooks.stream().collect(Collectors.toMap(Webhook::id, Webhook::name));
        // one more than a page tells whether there is a next one
        List<Delivery> found = webhooks.deliveries(webhookId, wanted, page, PAGE_SIZE + 1, admin);
        model.addAttribute("rows", found.stream().limit(PAGE_SIZE)
                .map(d -> new DeliveryRow(d, names.getOrDefault(d.webhookId(), "#" + d.webhookId()), time(d.createdAt()),
                        time(d.deliveredAt()), time(d.nextAttemptAt())))
                .toList());
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("status", wanted);
        model.addAttribute("webhookId", webhookId);
        model.addAttribute("hook", webhookId == null ? null : webhooks.get(webhookId, admin));
        model.addAttribute("hooks", hooks);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("typeLabels", typeLabels());
        return "intake/admin/deliveries";
    }

    @PostMapping("/admin/webhooks/deliveries/{id}/redeliver")
    String redeliver(@PathVariable long id, @RequestParam(required = false) Long webhookId, @RequestParam(required = false) String status,
                     RedirectAttributes redirect) {
        Actor admin = admin();
        Delivery delivery = webhooks.redeliver(id, admin);
        redirect.addFlashAttribute("flashSuccess", label("intake.admin.deliveries.requeued", delivery.id()));
        String back = UriComponentsBuilder.fromPath("/admin/webhooks/deliveries")
                .queryParamIfPresent("webhookId", java.util.Optional.ofNullable(webhookId))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status).filter(STATUSES::contains))
                .build().toUriString();
        return "redirect:" + back;
    }

    private String page(Actor admin, WebhookForm form, String error, Model model) {
        model.addAttribute("hooks", webhooks.list(admin));
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("types", EventTypes.ALL.stream().filter(t -> !t.equals(EventTypes.PING))
                .map(t -> new Choice(t, typeLabel(t))).toList());
        model.addAttribute("sources", Arrays.stream(Source.values()).map(s -> new Choice(s.name(), sourceLabel(s.name()))).toList());
        model.addAttribute("typeLabels", typeLabels());
        model.addAttribute("sourceLabels", sourceLabels());
        model.addAttribute("minSecret", Webhooks.MIN_SECRET);
        return "intake/admin/webhooks";
    }

    private Map<String, String> typeLabels() {
        return EventTypes.ALL.stream().collect(Collectors.toMap(Function.identity(), this::typeLabel, (a, b) -> a, LinkedHashMap::new));
    }

    private Map<String, String> sourceLabels() {
        return Arrays.stream(Source.values()).map(Source::name)
                .collect(Collectors.toMap(Function.identity(), this::sourceLabel, (a, b) -> a, LinkedHashMap::new));
    }

    /** 工单：派遣 for {@code order.dispatch}, from the work-order action's name; the named types have their own. */
    private String typeLabel(String type) {
        if (type.startsWith("order.") && !type.equals("order.*")) {
            return Action.fromPathSegment(type.substring("order.".length()))
                    .map(a -> label("intake.admin.eventType.order", label("workorder.action." + a.name())))
                    .orElse(type);
        }
        return label("intake.admin.eventType." + type);
    }

    private String sourceLabel(String source) {
        return label("intake.admin.source." + source);
    }

    /** The service's reason, naming the field when the reason alone does not (the name is the one required, short field). */
    private String describe(LocalizedException e) {
        String message = label(e.messageKey(), e.args());
        boolean aboutName = e.messageKey().equals("intake.field.required")
                || (e.messageKey().equals("intake.field.tooLong") && e.args().length > 0 && Integer.valueOf(100).equals(e.args()[0]));
        boolean aboutUrl = e.messageKey().equals("intake.field.tooLong") && !aboutName;
        if (aboutName || aboutUrl) {
            return label("intake.admin.fieldProblem", label(aboutName ? "intake.admin.webhooks.name" : "intake.admin.webhooks.url"), message);
        }
        return message;
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static Actor admin() {
        return Actors.requireAny(Role.ADMIN);
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
