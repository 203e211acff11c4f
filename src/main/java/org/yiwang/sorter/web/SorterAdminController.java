package org.yiwang.sorter.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;
import org.yiwang.sorter.ModelInfo;
import org.yiwang.sorter.Sorter;
import org.yiwang.sorter.SorterModels;
import org.yiwang.sorter.SorterSettings;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.Locale;

/**
 * 智能分拣设置 — the administrators' screen of the sorter: the model in use and the confidence at or above which
 * a report without a category is filed automatically. Bad input shows the form again with the reason (400).
 */
@Controller
class SorterAdminController {

    private final SorterSettings settings;
    private final Sorter sorter;
    private final SorterModels models;
    private final MessageSource messages;

    SorterAdminController(SorterSettings settings, Sorter sorter, SorterModels models, MessageSource messages) {
        this.settings = settings;
        this.sorter = sorter;
        this.models = models;
        this.messages = messages;
    }

    /** A model version as the screen lists it. */
    record ModelRow(int version, String status, String createdAt, String trigger, int trainingSize, int labelCount,
                    String macroF1, boolean activatable) {
    }

    /** 立即训练 — learns a model from the closed orders now; it becomes active when it does about as well as the one in use. */
    @PostMapping("/admin/sorter/train")
    String train(RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            ModelInfo trained = models.train(SorterModels.Trigger.ADMIN, admin);
            redirect.addFlashAttribute("flashSuccess", label("sorter.admin.trained", trained.version(), trained.trainingSize(),
                    label("sorter.admin.status." + trained.status().name())));
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
        }
        return "redirect:/admin/sorter";
    }

    /** 启用 — puts an earlier or a kept model version back in use. */
    @PostMapping("/admin/sorter/models/{version}/activate")
    String activate(@PathVariable int version, RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            models.activate(version, admin);
            redirect.addFlashAttribute("flashSuccess", label("sorter.admin.activated", version));
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", label(e.messageKey(), e.args()));
        }
        return "redirect:/admin/sorter";
    }

    @Bean
    static NavigationEntry sorterAdminNavigation() {
        return new NavigationEntry("/admin/sorter", "sorter.admin.nav", "⚖", List.of(Role.ADMIN), 86, "admin");
    }

    @GetMapping("/admin/sorter")
    String page(Model model) {
        Actors.requireAny(Role.ADMIN);
        return page(null, null, model);
    }

    @PostMapping("/admin/sorter")
    String change(@RequestParam(required = false) String autoConfidence, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            SorterSettings.Settings changed = settings.changeAutoConfidence(autoConfidence, admin);
            redirect.addFlashAttribute("flashSuccess", label("sorter.admin.saved",
                    String.format(Locale.ROOT, "%.2f", changed.autoConfidence())));
            return "redirect:/admin/sorter";
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            String message = label(e.messageKey(), e.args());
            model.addAttribute("flashError", message);
            return page(autoConfidence, message, model);
        }
    }

    private String page(String typed, String error, Model model) {
        SorterSettings.Settings current = settings.get();
        Sorter.ModelInUse inUse = sorter.modelInUse();
        model.addAttribute("settings", current);
        model.addAttribute("typed", typed != null ? typed : current.stored() ? String.valueOf(current.autoConfidence()) : "");
        model.addAttribute("error", error);
        model.addAttribute("changedAt", current.changedAt() == null ? null : ChinaTime.MINUTES.format(current.changedAt()));
        model.addAttribute("modelInUse", label("sorter.admin.model." + inUse.kind().name(),
                inUse.version() != null ? inUse.version() : inUse.location()));
        model.addAttribute("models", models.list().stream().limit(20).map(m -> new ModelRow(m.version(), m.status().name(),
                ChinaTime.MINUTES.format(m.createdAt()), m.trigger(), m.trainingSize(), m.labelCount(),
                m.macroF1() == null ? "—" : String.format(Locale.ROOT, "%.3f", m.macroF1()),
                m.status() != org.yiwang.sorter.ModelStatus.ACTIVE)).toList());
        return "sorter/admin/settings";
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
