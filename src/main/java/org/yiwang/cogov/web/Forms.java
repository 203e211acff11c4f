package org.yiwang.cogov.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.LocalizedException;

import java.util.function.Supplier;

/**
 * The screens' form handling: a step done says so; bad input, a step the state does not allow, or one refused with a
 * reason of its own (not a member, say) comes back to the page with the reason. A plain "not yours" (error.forbidden)
 * and a missing record stay errors: the page itself is not theirs.
 */
@Component
class Forms {

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    String attempt(RedirectAttributes redirect, String back, Supplier<String> step) {
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

    /** Runs {@code action}, then back to {@code page} with the {@code done} message. */
    String step(RedirectAttributes redirect, String page, String done, Runnable action) {
        return attempt(redirect, page, () -> {
            action.run();
            redirect.addFlashAttribute("flashSuccess", label(done));
            return "redirect:" + page;
        });
    }

    String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
