package org.yiwang.people.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (登录). The form posts to {@code /login}, which Spring Security handles. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String minutes,
                 @RequestParam(required = false) String logout, @RequestParam(required = false) String expired,
                 Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("errorKey", switch (error) {
                case "locked" -> "people.auth.locked";
                case "blocked" -> "people.auth.addressBlocked";
                case "disabled" -> "people.auth.disabled";
                case "unavailable" -> org.yiwang.platform.DatabaseUnavailable.MESSAGE_KEY;
                default -> "people.auth.badCredentials";
            });
            model.addAttribute("minutes", parseMinutes(minutes));
        } else if (expired != null) {
            model.addAttribute("errorKey", "people.login.expired");
        }
        model.addAttribute("loggedOut", logout != null);
        return "people/login";
    }

    /** Only a small number can come from the query string into the message. */
    private static long parseMinutes(String minutes) {
        try {
            return Math.clamp(Long.parseLong(minutes == null ? "1" : minutes), 1, 60);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
