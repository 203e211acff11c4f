package org.yiwang.workorder.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;

import java.util.List;

/**
 * The console's error page: a failure the user caused (no such order in their scope, an action they
 * may not take) is shown in their language with its status code, inside the staff layout.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

    private final MessageSource messages;
    private final List<NavigationEntry> navigation;

    ConsoleAdvice(MessageSource messages, List<NavigationEntry> navigation) {
        this.messages = messages;
        this.navigation = navigation.stream().sorted(java.util.Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return error(e.status().value(), e.messageKey(), e.args(), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return error(400, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return error(413, "error.uploadTooLarge", new Object[0], model, response);
    }

    /** A navigation entry as the layout draws it. */
    record Item(String href, String labelKey, String icon, String section, boolean active) {
    }

    private String error(int status, String key, Object[] args, Model model, HttpServletResponse response) {
        response.setStatus(status);
        // exception handlers get a fresh model: the shell's actor and navigation are added here
        Actors.current().ifPresent(actor -> {
            model.addAttribute("actor", actor);
            model.addAttribute("navigation", navigation.stream().filter(e -> e.visibleTo(actor))
                    .map(e -> new Item(e.href(), e.labelKey(), e.icon(), e.section(), false)).toList());
        });
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
        return "workorder/console/error";
    }
}
