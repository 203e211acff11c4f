package org.yiwang.cogov.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.cogov.volunteer.Volunteering;
import org.yiwang.cogov.volunteer.Volunteers;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** 志愿者 screens for community staff: the register, publishing activities, an activity's sign-ups and closing it. */
@Controller
class VolunteerDesk {

    private final Volunteers volunteers;
    private final Forms forms;

    VolunteerDesk(Volunteers volunteers, Forms forms) {
        this.volunteers = volunteers;
        this.forms = forms;
    }

    @GetMapping("/cogov/volunteers")
    String list(Model model) {
        Actor actor = CouncilDesk.staff();
        model.addAttribute("volunteers", volunteers.register(actor));
        model.addAttribute("activities", volunteers.activities(actor));
        model.addAttribute("manages", actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN));
        model.addAttribute("community", actor.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).findFirst().orElse(""));
        return "cogov/volunteers";
    }

    @PostMapping("/cogov/volunteers")
    String register(@RequestParam(required = false) @Nullable String username, @RequestParam(required = false) @Nullable String communityCode,
                    @RequestParam(required = false) @Nullable String phone, @RequestParam(required = false) @Nullable String skills,
                    @RequestParam(defaultValue = "false") boolean redTeam, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/volunteers", "cogov.volunteer.registered",
                () -> volunteers.register(username, new Volunteering.Register(communityCode, phone, skills, redTeam), actor));
    }

    @PostMapping("/cogov/activities")
    String publish(@RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String title,
                   @RequestParam(required = false) @Nullable String description, @RequestParam(required = false) @Nullable String place,
                   @RequestParam(required = false) @Nullable String startsAt, @RequestParam(required = false) @Nullable String endsAt,
                   @RequestParam(required = false) @Nullable Integer capacity, @RequestParam(required = false) @Nullable Integer points,
                   @RequestParam(defaultValue = "false") boolean redTeam, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/volunteers", "cogov.volunteer.published",
                () -> volunteers.publish(new Volunteering.NewActivity(communityCode, title, description, place, time(startsAt, "startsAt"),
                        time(endsAt, "endsAt"), capacity, points, redTeam), actor));
    }

    @GetMapping("/cogov/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        Actor actor = CouncilDesk.staff();
        model.addAttribute("signups", volunteers.signups(id, actor));
        Volunteering.VolunteerActivity a = volunteers.activity(id);
        model.addAttribute("a", a);
        model.addAttribute("manages", Volunteers.manages(actor, a.communityCode()));
        return "cogov/activity";
    }

    @PostMapping("/cogov/activities/{id}/closure")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/activities/" + id, "cogov.volunteer.closed", () -> volunteers.close(id, actor));
    }

    static @Nullable LocalDateTime time(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", field, text);
        }
    }
}
