package org.yiwang.people.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.account.AccountRules;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.OrgUnitAdministration;
import org.yiwang.people.account.PageOf;
import org.yiwang.people.account.UpdateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.people.account.UserFilter;
import org.yiwang.people.account.UserQueries;
import org.yiwang.people.account.UserView;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;

import java.util.List;

/**
 * 用户与角色 — the administrator's users: the list within their scope (phone numbers masked), creating a
 * user, changing name, contact, org unit and roles, disabling and enabling, and setting a new password.
 * Bad input shows the form again with the reason; nothing is half-written.
 */
@Controller
class UserAdminController {

    static final int PAGE_SIZE = 30;

    private final UserQueries users;
    private final UserAdministration administration;
    private final OrgUnitAdministration units;
    private final MessageSource messages;

    UserAdminController(UserQueries users, UserAdministration administration, OrgUnitAdministration units, MessageSource messages) {
        this.users = users;
        this.administration = administration;
        this.units = units;
        this.messages = messages;
    }

    /** What the user form sends. Blank phone and ID number on an edit keep what is stored. */
    record UserForm(String username, String displayName, String password, String phone, String idNumber, Long orgUnitId,
                    List<String> roles, Boolean fullTimeGridWorker, Integer version) {

        static UserForm of(UserView user) {
            return new UserForm(user.username(), user.displayName(), null, null, null,
                    user.orgUnit() == null ? null : user.orgUnit().id(), user.roles().stream().map(Role::name).sorted().toList(),
                    user.fullTimeGridWorker(), user.version());
        }

        static UserForm empty() {
            return new UserForm(null, null, null, null, null, null, List.of(), Boolean.FALSE, null);
        }

        public boolean has(String role) {
            return roles != null && roles.contains(role);
        }
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String enabled,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        Role wanted = role == null || role.isBlank() ? null : AccountRules.roles(List.of(role)).iterator().next();
        Boolean state = enabled == null || enabled.isBlank() ? null : Boolean.valueOf(enabled);
        PageOf<UserView> result = users.list(admin, new UserFilter(wanted, orgUnitId, orgUnitId != null, blankToNull(q), state),
                page, PAGE_SIZE);
        model.addAttribute("users", result);
        // screens show contact data masked even to administrators: the full number is for sending notices only
        model.addAttribute("phones", result.items().stream().collect(java.util.stream.Collectors.toMap(UserView::id,
                u -> u.phone() == null ? "—" : PersonalData.maskPhone(u.phone()))));
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.list(admin, null, null));
        return "people/admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        return form(admin, null, UserForm.empty(), null, model);
    }

    @PostMapping("/admin/users/new")
    String create(@ModelAttribute UserForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        try {
            UserView created = administration.create(admin, new CreateUser(form.username(), form.displayName(), form.password(),
                    form.phone(), form.idNumber(), form.orgUnitId(), AccountRules.roles(form.roles()), Boolean.TRUE.equals(form.fullTimeGridWorker())));
            redirect.addFlashAttribute("flashSuccess", label("admin.users.created", created.username()));
            return "redirect:/admin/users/" + created.id();
        } catch (LocalizedException e) {
            return rejected(e, admin, null, form, model, response);
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView user = users.get(admin, id);
        return form(admin, user, UserForm.of(user), null, model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @ModelAttribute UserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView user = users.get(admin, id);
        try {
            administration.update(admin, id, new UpdateUser(form.displayName(), blankToNull(form.phone()), blankToNull(form.idNumber()),
                    form.orgUnitId(), AccountRules.roles(form.roles()), Boolean.TRUE.equals(form.fullTimeGridWorker()), form.version()));
            redirect.addFlashAttribute("flashSuccess", label("admin.users.saved", user.username()));
            return "redirect:/admin/users/" + id;
        } catch (LocalizedException e) {
            return rejected(e, admin, user, form, model, response);
        }
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView user = administration.disable(admin, id);
        redirect.addFlashAttribute("flashSuccess", label("admin.users.disabled", user.username()));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView user = administration.enable(admin, id);
        redirect.addFlashAttribute("flashSuccess", label("admin.users.enabled", user.username()));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String password, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView user = users.get(admin, id);
        try {
            administration.resetPassword(admin, id, password);
            redirect.addFlashAttribute("flashSuccess", label("admin.users.passwordReset", user.username()));
            return "redirect:/admin/users/" + id;
        } catch (LocalizedException e) {
            model.addAttribute("passwordError", label(e.messageKey(), e.args()));
            return rejected(e, admin, user, UserForm.of(user), model, response);
        }
    }

    private String rejected(LocalizedException e, Actor admin, UserView user, UserForm form, Model model, HttpServletResponse response) {
        if (e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        String message = label(e.messageKey(), e.args());
        model.addAttribute("flashError", message);
        return form(admin, user, form, model.containsAttribute("passwordError") ? null : message, model);
    }

    private String form(Actor admin, UserView user, UserForm form, String error, Model model) {
        List<OrgUnit> assignable = units.list(admin, null, null).stream().filter(OrgUnit::enabled).toList();
        model.addAttribute("user", user);
        model.addAttribute("maskedPhone", user == null ? null : PersonalData.maskPhone(user.phone()));
        model.addAttribute("maskedIdNumber", user == null ? null : PersonalData.maskIdNumber(user.idNumber()));
        model.addAttribute("createdAt", user == null || user.createdAt() == null ? null
                : org.yiwang.platform.ChinaTime.MINUTES
                .format(user.createdAt()));
        model.addAttribute("form", form);
        model.addAttribute("formError", error);
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", assignable);
        return "people/admin/user";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
