package org.yiwang.people.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalDataAccess;
import org.yiwang.platform.Role;

import org.yiwang.platform.ChinaTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 个人信息查看记录 — administrators read who had whose personal data shown, when and why (their territory). */
@Controller
class PersonalDataAccessController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = ChinaTime.SECONDS;

    private final PersonalDataAccess access;

    PersonalDataAccessController(PersonalDataAccess access) {
        this.access = access;
    }

    /** One row of the screen. */
    record Row(String at, String username, String subjectType, String subjectId, String fields, String reason) {
    }

    @GetMapping("/admin/personal-data-access")
    String list(@RequestParam(required = false) String username, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.require();
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        int p = Math.max(0, Math.min(page, 10_000));
        String who = username == null ? "" : username.strip();
        if (who.length() > 100 || who.indexOf('\0') >= 0) {
            throw LocalizedException.badRequest("error.typeMismatch", "username", "…");
        }
        List<Row> rows = access.recent(actor, who, p, PAGE_SIZE + 1).stream()
                .map(s -> new Row(TIME.format(s.at()), s.username(), s.subjectType(), s.subjectId(), String.join("、", s.fields()), s.reason()))
                .toList();
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("username", who);
        return "people/admin/personal-data-access";
    }
}
