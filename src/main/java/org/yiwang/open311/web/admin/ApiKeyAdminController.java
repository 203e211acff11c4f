package org.yiwang.open311.web.admin;

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
import org.yiwang.open311.ApiKey;
import org.yiwang.open311.ApiKeys;
import org.yiwang.open311.Open311Properties;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Open311 接口密钥 — the API keys of Open311 client applications: the list, issuing a key (shown once,
 * on the answer to the form, never again), changing a key's rate limit and revoking a key after a
 * confirmation. Everything goes through {@link ApiKeys}; bad input shows the form again with the reason.
 */
@Controller
class ApiKeyAdminController {

    private static final DateTimeFormatter TIME = ChinaTime.MINUTES;

    private final ApiKeys keys;
    private final Open311Properties properties;
    private final MessageSource messages;

    ApiKeyAdminController(ApiKeys keys, Open311Properties properties, MessageSource messages) {
        this.keys = keys;
        this.properties = properties;
        this.messages = messages;
    }

    /** What the issue form sends; the rate as typed (blank = the default). */
    record KeyForm(String clientName, String contact, String requestsPerMinute) {
    }

    /** A key as the list shows it. */
    record KeyRow(ApiKey key, String createdAt, String lastUsedAt, String revokedAt) {

        static KeyRow of(ApiKey key) {
            return new KeyRow(key, time(key.createdAt()), time(key.lastUsedAt()), time(key.revokedAt()));
        }
    }

    @GetMapping("/admin/open311-keys")
    String list(Model model) {
        Actor admin = admin();
        return page(admin, new KeyForm(null, null, String.valueOf(properties.defaultRequestsPerMinute())), null, null, null, model);
    }

    @PostMapping("/admin/open311-keys")
    String issue(@ModelAttribute KeyForm form, Model model, HttpServletResponse response) {
        Actor admin = admin();
        try {
            ApiKeys.IssuedKey issued = keys.issue(new ApiKeys.NewKey(form.clientName(), form.contact(),
                    rate(form.requestsPerMinute(), true)), admin);
            // the key is on this answer only: never in a redirect's flash (kept in the session store) nor in a cache
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("row", KeyRow.of(issued.apiKey()));
            model.addAttribute("issuedKey", issued.key());
            model.addAttribute("flashSuccess", label("open311.admin.issued", issued.apiKey().clientName()));
            return "open311/admin/key-issued";
        } catch (LocalizedException e) {
            return rejected(e, admin, form, null, model, response);
        }
    }

    @PostMapping("/admin/open311-keys/{id}/rate")
    String changeRate(@PathVariable long id, @RequestParam(required = false) String requestsPerMinute, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = admin();
        try {
            ApiKey changed = keys.change(id, new ApiKeys.KeyChange(null, null, rate(requestsPerMinute, false)), admin);
            redirect.addFlashAttribute("flashSuccess", label("open311.admin.rateChanged", changed.clientName(), changed.requestsPerMinute()));
            return "redirect:/admin/open311-keys";
        } catch (LocalizedException e) {
            model.addAttribute("rateValue", requestsPerMinute);
            return rejected(e, admin, emptyForm(), id, model, response);
        }
    }

    @GetMapping("/admin/open311-keys/{id}/revoke")
    String confirmRevoke(@PathVariable long id, Model model) {
        Actor admin = admin();
        model.addAttribute("row", KeyRow.of(keys.get(id, admin)));
        return "open311/admin/key-revoke";
    }

    @PostMapping("/admin/open311-keys/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = admin();
        ApiKey revoked = keys.revoke(id, admin);
        redirect.addFlashAttribute("flashSuccess", label("open311.admin.revoked", revoked.clientName(), revoked.prefix()));
        return "redirect:/admin/open311-keys";
    }

    private String rejected(LocalizedException e, Actor admin, KeyForm form, Long rateKeyId, Model model, HttpServletResponse response) {
        if (e.status().value() == 403 || e.status().value() == 404) {
            throw e;
        }
        response.setStatus(e.status().value());
        String message = describe(e);
        model.addAttribute("flashError", message);
        return page(admin, form, rateKeyId == null ? message : null, rateKeyId, rateKeyId == null ? null : message, model);
    }

    private String page(Actor admin, KeyForm form, String formError, Long rateKeyId, String rateError, Model model) {
        List<KeyRow> rows = keys.list(admin).stream()
                // active keys first, the newest on top
                .sorted(java.util.Comparator.comparing((ApiKey k) -> !k.active()).thenComparing(ApiKey::id, java.util.Comparator.reverseOrder()))
                .map(KeyRow::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("formError", formError);
        model.addAttribute("rateError", rateError);
        model.addAttribute("rateKeyId", rateKeyId);
        model.addAttribute("defaultRate", properties.defaultRequestsPerMinute());
        model.addAttribute("maxRate", ApiKeys.MAX_RATE);
        return "open311/admin/keys";
    }

    private KeyForm emptyForm() {
        return new KeyForm(null, null, String.valueOf(properties.defaultRequestsPerMinute()));
    }

    /** The rate as typed: blank is the default on a new key and "unchanged" otherwise; not a number is out of range. */
    private static Integer rate(String text, boolean blankAllowed) {
        if (text == null || text.isBlank()) {
            if (blankAllowed) {
                return null;
            }
            throw LocalizedException.badRequest("open311.key.rate", ApiKeys.MAX_RATE);
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw LocalizedException.badRequest("open311.key.rate", ApiKeys.MAX_RATE);
        }
    }

    /** The service's reason, with the field it names in the user's words rather than the API's. */
    private String describe(LocalizedException e) {
        Object[] args = e.args();
        if (e.messageKey().equals("open311.key.tooLong") && args.length > 0) {
            args[0] = label("open311.admin.field." + args[0]);
        }
        return label(e.messageKey(), args);
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
