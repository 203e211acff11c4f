package org.yiwang.cogov.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.cogov.council.Council;
import org.yiwang.cogov.council.CouncilCommands;
import org.yiwang.cogov.council.Councils;
import org.yiwang.cogov.council.VoteChoice;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 议事会 screens for community staff: the councils of their community (new council, members), a council's topics
 * (propose one), and a topic's page — discussion, opening and closing the vote, resolutions with owners and deadlines
 * (each can become a work order), minutes.
 */
@Controller
class CouncilDesk {

    private final Councils councils;
    private final Forms forms;

    CouncilDesk(Councils councils, Forms forms) {
        this.councils = councils;
        this.forms = forms;
    }

    static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    @GetMapping("/cogov/councils")
    String list(Model model) {
        Actor actor = staff();
        model.addAttribute("councils", councils.list(actor));
        model.addAttribute("manages", actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN));
        model.addAttribute("community", actor.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).findFirst().orElse(""));
        return "cogov/councils";
    }

    @PostMapping("/cogov/councils")
    String create(@RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String name,
                  RedirectAttributes redirect) {
        Actor actor = staff();
        return forms.attempt(redirect, "/cogov/councils", () -> {
            Council c = councils.create(new CouncilCommands.NewCouncil(communityCode, name), actor);
            redirect.addFlashAttribute("flashSuccess", forms.label("cogov.council.created", c.name()));
            return "redirect:/cogov/councils/" + c.id();
        });
    }

    @GetMapping("/cogov/councils/{id}")
    String one(@PathVariable long id, Model model) {
        Actor actor = staff();
        model.addAttribute("d", councils.detail(id, actor));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "cogov/council";
    }

    @PostMapping("/cogov/councils/{id}/members")
    String addMember(@PathVariable long id, @RequestParam(required = false) @Nullable String username,
                     @RequestParam(required = false) @Nullable String title, RedirectAttributes redirect) {
        Actor actor = staff();
        return forms.step(redirect, "/cogov/councils/" + id, "cogov.council.memberAdded",
                () -> councils.addMember(id, new CouncilCommands.AddMember(username, title), actor));
    }

    @PostMapping("/cogov/councils/{id}/topics")
    String propose(@PathVariable long id, @RequestParam(required = false) @Nullable String title,
                   @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String requestId,
                   RedirectAttributes redirect) {
        Actor actor = staff();
        return forms.attempt(redirect, "/cogov/councils/" + id, () -> {
            Council.CouncilTopic t = councils.propose(new CouncilCommands.Propose(id, title, body, requestId), actor);
            redirect.addFlashAttribute("flashSuccess", forms.label("cogov.topic.proposed"));
            return "redirect:/cogov/topics/" + t.id();
        });
    }

    @GetMapping("/cogov/topics/{id}")
    String topic(@PathVariable long id, Model model) {
        Actor actor = staff();
        Council.TopicDetail d = councils.topicDetail(id, actor);
        model.addAttribute("d", d);
        model.addAttribute("t", d.topic());
        model.addAttribute("can", d.allowedActions().stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("today", LocalDate.now(ChinaTime.ZONE).toString());
        return "cogov/topic";
    }

    @PostMapping("/cogov/topics/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) @Nullable String text,
                @RequestParam(required = false) @Nullable String choice, @RequestParam(required = false) @Nullable String owner,
                @RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
        Actor actor = staff();
        String page = "/cogov/topics/" + id;
        return switch (step) {
            case "comment" -> forms.step(redirect, page, "cogov.topic.done.COMMENT", () -> councils.comment(id, text, actor));
            case "vote" -> forms.step(redirect, page, "cogov.topic.done.VOTE", () -> councils.vote(id, choice(choice), actor));
            case "discussion" -> forms.step(redirect, page, "cogov.topic.done.OPEN_DISCUSSION", () -> councils.openDiscussion(id, actor));
            case "decline" -> forms.step(redirect, page, "cogov.topic.done.DECLINE", () -> councils.decline(id, text, actor));
            case "vote-opening" -> forms.step(redirect, page, "cogov.topic.done.OPEN_VOTE", () -> councils.openVote(id, actor));
            case "vote-closing" -> forms.step(redirect, page, "cogov.topic.done.CLOSE_VOTE", () -> councils.closeVote(id, actor));
            case "resolutions" -> forms.step(redirect, page, "cogov.topic.done.RESOLVE",
                    () -> councils.resolve(id, new CouncilCommands.Resolve(text, owner, date(due)), actor));
            case "minutes" -> forms.step(redirect, page, "cogov.topic.done.RECORD_MINUTES", () -> councils.recordMinutes(id, text, actor));
            default -> throw LocalizedException.notFound("error.notFound", page + "/" + step);
        };
    }

    @PostMapping("/cogov/topics/{id}/resolutions/{resolution}/order")
    String toOrder(@PathVariable long id, @PathVariable long resolution, @RequestParam(required = false) @Nullable String address,
                   RedirectAttributes redirect) {
        Actor actor = staff();
        return forms.step(redirect, "/cogov/topics/" + id, "cogov.topic.done.TO_ORDER", () -> councils.toOrder(id, resolution, address, actor));
    }

    @PostMapping("/cogov/topics/{id}/resolutions/{resolution}/done")
    String finish(@PathVariable long id, @PathVariable long resolution, RedirectAttributes redirect) {
        Actor actor = staff();
        return forms.step(redirect, "/cogov/topics/" + id, "cogov.topic.done.FINISH", () -> councils.finish(id, resolution, actor));
    }

    static VoteChoice choice(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("cogov.error.required", "choice");
        }
        try {
            return VoteChoice.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", "choice", text);
        }
    }

    static LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("cogov.error.required", "due");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", "due", text);
        }
    }
}
