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
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 议事会 on the phone ({@code /m/council}): a resident or member proposes a topic to a council, follows their topics and
 * their councils' topics, joins the discussion, and — as a member — votes once while the vote is open.
 */
@Controller
class CouncilPhone {

    private final Councils councils;
    private final Forms forms;

    CouncilPhone(Councils councils, Forms forms) {
        this.councils = councils;
        this.forms = forms;
    }

    @GetMapping("/m/council")
    String home(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("councils", councils.all());
        model.addAttribute("topics", councils.topicsOf(actor));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "cogov/m-council";
    }

    @PostMapping("/m/council/topics")
    String propose(@RequestParam(required = false) @Nullable Long councilId, @RequestParam(required = false) @Nullable String title,
                   @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String requestId,
                   RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.attempt(redirect, "/m/council", () -> {
            if (councilId == null) {
                throw org.yiwang.platform.LocalizedException.badRequest("cogov.error.required", "councilId");
            }
            Council.CouncilTopic t = councils.propose(new CouncilCommands.Propose(councilId, title, body, requestId), actor);
            redirect.addFlashAttribute("flashSuccess", forms.label("cogov.topic.proposed"));
            return "redirect:/m/council/topics/" + t.id();
        });
    }

    @GetMapping("/m/council/topics/{id}")
    String topic(@PathVariable long id, Model model) {
        Council.TopicDetail d = councils.topicDetail(id, Actors.require());
        model.addAttribute("d", d);
        model.addAttribute("t", d.topic());
        model.addAttribute("can", d.allowedActions().stream().map(Enum::name).collect(Collectors.toSet()));
        return "cogov/m-topic";
    }

    @PostMapping("/m/council/topics/{id}/vote")
    String vote(@PathVariable long id, @RequestParam(required = false) @Nullable String choice, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.step(redirect, "/m/council/topics/" + id, "cogov.topic.done.VOTE", () -> councils.vote(id, CouncilDesk.choice(choice), actor));
    }

    @PostMapping("/m/council/topics/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.step(redirect, "/m/council/topics/" + id, "cogov.topic.done.COMMENT", () -> councils.comment(id, text, actor));
    }
}
