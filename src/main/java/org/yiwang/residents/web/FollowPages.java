package org.yiwang.residents.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.residents.Follows;
import org.yiwang.workorder.Supporters;

/**
 * 我的关注 on the phone: the reports and areas a resident follows, one report as the public sees it with its history
 * and the buttons to follow it (or its area) and to add 附议, and the way to stop following.
 */
@Controller
@RequestMapping("/m/follows")
class FollowPages {

    private final Follows follows;
    private final Supporters supporters;
    private final PublicReportViews views;
    private final MessageSource messages;

    FollowPages(Follows follows, Supporters supporters, PublicReportViews views, MessageSource messages) {
        this.follows = follows;
        this.supporters = supporters;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = Actors.require();
        model.addAttribute("follows", follows.mine(actor));
        return "residents/follows";
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        PublicReportViews.View view;
        try {
            view = views.of(id);
        } catch (LocalizedException e) {
            throw LocalizedException.notFound("residents.error.orderNotFound", id);
        }
        model.addAttribute("report", view);
        model.addAttribute("following", follows.follows(id, actor.userId()));
        model.addAttribute("supported", supporters.supports(id, actor.userId()));
        model.addAttribute("followingGrid", view.gridCode() != null && follows.mine(actor).stream()
                .anyMatch(f -> f.kind() == Follows.Kind.GRID && f.target().equals(view.gridCode())));
        return "residents/report";
    }

    @PostMapping("/orders/{id}")
    String followOrder(@PathVariable long id, @RequestParam(defaultValue = "false") boolean sms, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        follows.followOrder(id, sms, actor);
        redirect.addFlashAttribute("flashSuccess", label("residents.follow.done"));
        return "redirect:/m/follows/orders/" + id;
    }

    @PostMapping("/orders/{id}/support")
    String support(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        Supporters.Support s = supporters.support(id, actor);
        redirect.addFlashAttribute("flashSuccess", label("mobile.nearby.supported", s.number(), s.residentsAffected()));
        return "redirect:/m/follows/orders/" + id;
    }

    @PostMapping("/grids")
    String followGrid(@RequestParam(required = false) String gridCode, @RequestParam(defaultValue = "false") boolean sms,
                      @RequestParam(required = false) Long back, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        follows.followGrid(gridCode, sms, actor);
        redirect.addFlashAttribute("flashSuccess", label("residents.follow.areaDone"));
        return back == null ? "redirect:/m/follows" : "redirect:/m/follows/orders/" + back;
    }

    @PostMapping("/{followId}/delete")
    String unfollow(@PathVariable long followId, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        follows.unfollow(followId, actor);
        redirect.addFlashAttribute("flashSuccess", label("residents.follow.ended"));
        return "redirect:/m/follows";
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
