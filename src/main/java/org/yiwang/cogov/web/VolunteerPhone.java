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

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 志愿服务 on the phone ({@code /m/volunteer}): upcoming activities with 报名 and 签到, my hours and points, 积分兑换. */
@Controller
class VolunteerPhone {

    private final Volunteers volunteers;
    private final org.yiwang.cogov.volunteer.PointsShop shop;
    private final Forms forms;

    VolunteerPhone(Volunteers volunteers, org.yiwang.cogov.volunteer.PointsShop shop, Forms forms) {
        this.shop = shop;
        this.volunteers = volunteers;
        this.forms = forms;
    }

    @GetMapping("/m/volunteer")
    String home(Model model) {
        Actor actor = Actors.require();
        Volunteering.Volunteer me = volunteers.byUser(actor.userId()).orElse(null);
        Map<Long, Volunteering.ActivitySignup> mine = volunteers.mySignups(actor).stream()
                .collect(Collectors.toMap(Volunteering.ActivitySignup::activityId, Function.identity()));
        model.addAttribute("me", me);
        model.addAttribute("mine", mine);
        model.addAttribute("activities", volunteers.upcoming());
        model.addAttribute("points", me == null ? java.util.List.of() : volunteers.points(me.id()));
        model.addAttribute("shop", shop.offer(actor));
        model.addAttribute("redemptions", shop.mine(actor));
        model.addAttribute("requestKey", java.util.UUID.randomUUID().toString());
        return "cogov/m-volunteer";
    }

    @PostMapping("/m/volunteer/activities/{id}/signup")
    String signUp(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.step(redirect, "/m/volunteer", "cogov.volunteer.signedUp", () -> volunteers.signUp(id, actor));
    }

    @PostMapping("/m/volunteer/activities/{id}/sign-in")
    String signIn(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.step(redirect, "/m/volunteer", "cogov.volunteer.signedIn", () -> volunteers.signIn(id, actor));
    }

    @PostMapping("/m/volunteer/redemptions")
    String redeem(@RequestParam(required = false) @Nullable Integer points, @RequestParam(required = false) @Nullable String item,
                  RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.step(redirect, "/m/volunteer", "cogov.volunteer.redeemed", () -> volunteers.redeem(new Volunteering.Redeem(points, item), actor));
    }
}
