package org.yiwang.cogov.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.cogov.volunteer.PointsShop;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;

/** 积分兑换 in the console ({@code /cogov/shop}) and on the phone ({@code /m/volunteer}, redeeming). */
@Controller
class ShopDesk {

    private final PointsShop shop;
    private final Forms forms;

    ShopDesk(PointsShop shop, Forms forms) {
        this.shop = shop;
        this.forms = forms;
    }

    @GetMapping("/cogov/shop")
    String page(Model model) {
        Actor actor = CouncilDesk.staff();
        model.addAttribute("items", shop.items(actor));
        model.addAttribute("redemptions", shop.redemptions(actor));
        model.addAttribute("manages", actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN));
        model.addAttribute("community", actor.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).findFirst().orElse(""));
        return "cogov/shop";
    }

    @PostMapping("/cogov/shop/items")
    String add(@RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String name,
               @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String price,
               @RequestParam(required = false) @Nullable String stock, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/shop", "cogov.shop.added",
                () -> shop.add(new PointsShop.ShopItemInput(communityCode, name, kind, number(price, "price"), number(stock, "stock")), actor));
    }

    @PostMapping("/cogov/shop/items/{id}/stock")
    String restock(@PathVariable long id, @RequestParam(required = false) @Nullable String stock, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/shop", "cogov.shop.restocked", () -> shop.restock(id, number(stock, "stock"), actor));
    }

    @PostMapping("/cogov/shop/items/{id}/sale")
    String sale(@PathVariable long id, @RequestParam(defaultValue = "false") boolean onSale, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/shop", onSale ? "cogov.shop.backOnSale" : "cogov.shop.offSale",
                () -> shop.setOnSale(id, onSale, actor));
    }

    @PostMapping("/cogov/shop/redemptions/{id}/handover")
    String handOver(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = CouncilDesk.staff();
        return forms.step(redirect, "/cogov/shop", "cogov.shop.handedOver", () -> shop.handOver(id, actor));
    }

    @PostMapping("/m/volunteer/shop/{id}")
    String redeem(@PathVariable long id, @RequestParam(required = false) @Nullable String requestKey, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        return forms.attempt(redirect, "/m/volunteer", () -> {
            PointsShop.ShopRedemption r = shop.redeem(id, requestKey, actor);
            redirect.addFlashAttribute("flashSuccess", forms.label("cogov.shop.redeemed", r.itemName(), r.points()));
            return "redirect:/m/volunteer";
        });
    }

    private static @Nullable Integer number(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw org.yiwang.platform.LocalizedException.badRequest("cogov.error.invalid", field, text);
        }
    }
}
