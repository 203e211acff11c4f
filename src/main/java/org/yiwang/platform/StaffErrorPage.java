package org.yiwang.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.Comparator;
import java.util.List;

/**
 * The one error page of the staff screens ({@code templates/fragments/staff-error.html}): a refusal or
 * failure inside the usual layout, titled by its status, its message in the reader's language, and a
 * way back to where the reader came from. Exception handlers get a fresh model, so the signed-in actor
 * and their navigation are put in here, as the shell does for ordinary pages.
 */
@Component
public class StaffErrorPage {

    static final String VIEW = "fragments/staff-error";

    private final MessageSource messages;
    private final List<NavigationEntry> entries;

    StaffErrorPage(MessageSource messages, List<NavigationEntry> entries) {
        this.messages = messages;
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    /** The page for a localized failure, with a link back ({@code backHref}, labelled by {@code backLabelKey}). */
    public String show(LocalizedException e, String backHref, String backLabelKey, Model model, HttpServletResponse response) {
        return show(e.status().value(), e.messageKey(), e.args(), backHref, backLabelKey, model, response);
    }

    /** The page for a status and a message key (e.g. 413 and {@code error.uploadTooLarge}). */
    public String show(int status, String messageKey, Object[] args, String backHref, String backLabelKey, Model model,
                       HttpServletResponse response) {
        response.setStatus(status);
        Actors.current().ifPresent(actor -> {
            model.addAttribute("actor", actor);
            model.addAttribute("navigation", entries.stream().filter(e -> e.visibleTo(actor))
                    .map(e -> new Item(e.href(), e.labelKey(), e.icon(), e.section(), backHref.startsWith(e.href()) && !e.href().equals("/")))
                    .toList());
        });
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(messageKey, args, messageKey, LocaleContextHolder.getLocale()));
        model.addAttribute("backHref", backHref);
        model.addAttribute("backLabel", messages.getMessage(backLabelKey, null, backLabelKey, LocaleContextHolder.getLocale()));
        return VIEW;
    }

    /** A navigation entry as the layout draws it. */
    public record Item(String href, String labelKey, String icon, String section, boolean active) {
    }
}
