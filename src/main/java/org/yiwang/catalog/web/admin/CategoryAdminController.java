package org.yiwang.catalog.web.admin;

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
import org.yiwang.catalog.AddLocalCategory;
import org.yiwang.catalog.AddMajorClass;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.people.DepartmentType;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 案件类别 — the categories of GB/T 47678.5 and the local extensions by kind and major class, with
 * search; administrators add local major classes and categories.
 */
@Controller
class CategoryAdminController {

    private final Catalog catalog;
    private final MessageSource messages;

    CategoryAdminController(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The new local category form. */
    record CategoryForm(String code, String name, String nameEn, String keywords, String ownerDepartment, Boolean smallMatter) {

        static final CategoryForm EMPTY = new CategoryForm(null, null, null, null, null, Boolean.FALSE);
    }

    /** The new local major class form. */
    record MajorClassForm(String code, String name, String nameEn) {

        static final MajorClassForm EMPTY = new MajorClassForm(null, null, null);
    }

    @GetMapping("/admin/categories")
    String browse(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean disabled, Model model) {
        Actors.requireAny(Role.ADMIN);
        return page(q, disabled, CategoryForm.EMPTY, MajorClassForm.EMPTY, null, null, model);
    }

    @PostMapping("/admin/categories")
    String add(@ModelAttribute CategoryForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actors.requireAny(Role.ADMIN);
        try {
            DepartmentType owner = form.ownerDepartment() == null || form.ownerDepartment().isBlank() ? null
                    : DepartmentType.valueOf(form.ownerDepartment().strip().toUpperCase(Locale.ROOT));
            List<String> keywords = form.keywords() == null || form.keywords().isBlank() ? List.of()
                    : Arrays.stream(form.keywords().split("[,，、\\s]+")).filter(k -> !k.isBlank()).toList();
            Category added = catalog.add(new AddLocalCategory(form.code(), form.name(), form.nameEn(), keywords, owner,
                    Boolean.TRUE.equals(form.smallMatter())));
            redirect.addFlashAttribute("flashSuccess", label("admin.categories.added", added.code(), added.name()));
            return "redirect:/admin/categories?q=" + added.code();
        } catch (LocalizedException e) {
            response.setStatus(e.status().value());
            return page(null, false, form, MajorClassForm.EMPTY, label(e.messageKey(), e.args()), null, model);
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return page(null, false, form, MajorClassForm.EMPTY, label("error.typeMismatch", "ownerDepartment", form.ownerDepartment()), null, model);
        }
    }

    @PostMapping("/admin/categories/major-classes")
    String addMajorClass(@ModelAttribute MajorClassForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actors.requireAny(Role.ADMIN);
        try {
            var added = catalog.addMajorClass(new AddMajorClass(form.code(), form.name(), form.nameEn()));
            redirect.addFlashAttribute("flashSuccess", label("admin.categories.classAdded", added.code(), added.name()));
            return "redirect:/admin/categories";
        } catch (LocalizedException e) {
            response.setStatus(e.status().value());
            return page(null, false, CategoryForm.EMPTY, form, null, label(e.messageKey(), e.args()), model);
        }
    }

    private String page(String q, boolean disabled, CategoryForm form, MajorClassForm classForm, String formError,
                        String classError, Model model) {
        model.addAttribute("tree", catalog.tree(q, disabled));
        model.addAttribute("majorClasses", catalog.majorClasses());
        model.addAttribute("localClasses", catalog.majorClasses().stream().filter(m -> m.kind() == CategoryKind.LOCAL).toList());
        model.addAttribute("departments", DepartmentType.values());
        model.addAttribute("form", form);
        model.addAttribute("classForm", classForm);
        model.addAttribute("formError", formError);
        model.addAttribute("classError", classError);
        if (formError != null || classError != null) {
            model.addAttribute("flashError", formError != null ? formError : classError);
        }
        return "catalog/admin/categories";
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
