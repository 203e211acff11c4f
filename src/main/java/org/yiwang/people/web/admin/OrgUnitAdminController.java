package org.yiwang.people.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.account.CreateOrgUnit;
import org.yiwang.people.account.OrgUnitAdministration;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** 部门管理 — the org units in the administrator's scope (command centres, workstations, departments) and adding one. */
@Controller
class OrgUnitAdminController {

    private final OrgUnitAdministration units;
    private final MessageSource messages;

    OrgUnitAdminController(OrgUnitAdministration units, MessageSource messages) {
        this.units = units;
        this.messages = messages;
    }

    /** What the new-unit form sends. */
    record UnitForm(Long parentId, String kind, String divisionCode, String departmentType, String name) {

        static final UnitForm EMPTY = new UnitForm(null, "DEPARTMENT", null, null, null);
    }

    @GetMapping("/admin/org-units")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String q, Model model) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        return page(admin, kind, q, UnitForm.EMPTY, null, model);
    }

    @PostMapping("/admin/org-units")
    String create(@ModelAttribute UnitForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            OrgUnit created = units.create(admin, new CreateOrgUnit(form.parentId(), kind(form.kind()), form.divisionCode(),
                    type(form.departmentType()), form.name()));
            redirect.addFlashAttribute("flashSuccess", label("admin.units.created", created.name()));
            return "redirect:/admin/org-units";
        } catch (LocalizedException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value() == 404 ? 400 : e.status().value());
            String message = label(e.messageKey(), e.args());
            model.addAttribute("flashError", message);
            return page(admin, null, null, form, message, model);
        }
    }

    private String page(Actor admin, String kind, String q, UnitForm form, String error, Model model) {
        OrgUnit.Kind wanted = kind == null || kind.isBlank() ? null : kind(kind);
        List<OrgUnit> all = units.list(admin, null, null);
        String text = q == null ? "" : q.strip();
        model.addAttribute("units", all.stream()
                .filter(u -> wanted == null || u.kind() == wanted)
                .filter(u -> text.isEmpty() || u.name().contains(text) || u.divisionCode().startsWith(text))
                .sorted(Comparator.comparing(OrgUnit::divisionCode).thenComparing(OrgUnit::kind).thenComparing(OrgUnit::name))
                .toList());
        model.addAttribute("parents", all.stream().filter(OrgUnit::enabled).sorted(Comparator.comparing(OrgUnit::divisionCode)).toList());
        model.addAttribute("names", all.stream().collect(java.util.stream.Collectors.toMap(OrgUnit::id, OrgUnit::name)));
        model.addAttribute("kinds", OrgUnit.Kind.values());
        model.addAttribute("types", DepartmentType.values());
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        return "people/admin/org-units";
    }

    private static OrgUnit.Kind kind(String text) {
        try {
            return OrgUnit.Kind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("people.error.orgUnitKind");
        }
    }

    private static DepartmentType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DepartmentType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("people.error.departmentType");
        }
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
