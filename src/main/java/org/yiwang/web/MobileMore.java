package org.yiwang.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.platform.Actors;

/**
 * 更多 — on the phone, the pages of the bottom bar that do not fit in it (the bar shows four and this page when
 * a person has more than five), as large tiles; staff also find their 工作台 here. The list is the same
 * navigation the modules contribute ({@code NavigationEntry} of section {@code mobile}), filtered by role.
 */
@Controller
class MobileMore {

    @GetMapping("/m/more")
    String more(Model model) {
        Actors.require();
        model.addAttribute("tab", "more");
        return "web/more";
    }
}
