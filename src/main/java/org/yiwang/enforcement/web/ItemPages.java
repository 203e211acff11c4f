package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.enforcement.Catalogue;
import org.yiwang.enforcement.Department;
import org.yiwang.enforcement.EnforcementItem;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;

/** 执法事项清单 in the console: everyone on staff reads it, an administrator adds and changes items. */
@Controller
class ItemPages {

    private final Catalogue catalogue;
    private final MessageSource messages;

    ItemPages(Catalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/enforcement/items")
    String list(Model model) {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        model.addAttribute("items", catalogue.items(false));
        model.addAttribute("admin", actor.has(Role.ADMIN));
        model.addAttribute("departments", List.of(Department.values()));
        return "enforcement/items";
    }

    @GetMapping("/enforcement/items/{code}")
    String edit(@PathVariable String code, Model model) {
        Actors.requireAny(Role.ADMIN);
        model.addAttribute("item", catalogue.item(code).orElseThrow(() -> LocalizedException.notFound("enforcement.error.itemNotFound", code)));
        model.addAttribute("departments", List.of(Department.values()));
        return "enforcement/item";
    }

    @PostMapping("/enforcement/items")
    String save(@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String matter,
                @RequestParam(required = false) @Nullable String department, @RequestParam(required = false) @Nullable String legalBasis,
                @RequestParam(required = false) @Nullable String penaltyRange, @RequestParam(required = false) @Nullable String active,
                RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        EnforcementItem saved = catalogue.save(Inputs.item(code == null ? "" : code,
                new EnforcementJson.ItemRequest(matter, department, legalBasis, penaltyRange, active != null)), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("enforcement.item.saved", new Object[]{saved.code()},
                LocaleContextHolder.getLocale()));
        return "redirect:/enforcement/items";
    }
}
