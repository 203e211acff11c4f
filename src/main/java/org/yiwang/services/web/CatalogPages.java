package org.yiwang.services.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.services.Channel;
import org.yiwang.services.ItemKind;
import org.yiwang.services.Level;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The admin's catalog editor (事项清单维护): search, edit an item, and switch 街社同权 per community. */
@Controller
class CatalogPages {

    private final ServiceCatalog catalog;
    private final Divisions divisions;
    private final MessageSource messages;

    CatalogPages(ServiceCatalog catalog, Divisions divisions, MessageSource messages) {
        this.catalog = catalog;
        this.divisions = divisions;
        this.messages = messages;
    }

    @GetMapping("/services/catalog")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(name = "class", required = false) @Nullable String itemClass,
                Model model) {
        Actors.requireAny(Role.ADMIN);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("itemClass", itemClass == null ? "" : itemClass);
        model.addAttribute("classes", catalog.classes());
        model.addAttribute("items", catalog.search(q, itemClass, true));
        model.addAttribute("bundles", catalog.bundles());
        model.addAttribute("communities", Forms.communities(divisions));
        model.addAttribute("switchedOff", catalog.communitiesSwitchedOff());
        return "services/catalog";
    }

    @GetMapping("/services/catalog/{code}")
    String item(@PathVariable String code, Model model) {
        Actors.requireAny(Role.ADMIN);
        ServiceItem item = catalog.require(code);
        model.addAttribute("item", item);
        model.addAttribute("materials", org.yiwang.services.Material.formatAll(item.materials()));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("kinds", ItemKind.values());
        return "services/catalog-item";
    }

    @PostMapping("/services/catalog/{code}")
    String save(@PathVariable String code, @RequestParam(required = false) @Nullable String name,
                @RequestParam(required = false) @Nullable String department, @RequestParam(required = false) @Nullable String homeLevel,
                @RequestParam(required = false) @Nullable String sameRights, @RequestParam(required = false) @Nullable String departmentReview,
                @RequestParam(required = false) @Nullable String kind,
                @RequestParam(required = false) @Nullable Integer legalDays, @RequestParam(required = false) @Nullable Integer promisedDays,
                @RequestParam(required = false) @Nullable String fee, @RequestParam(required = false) @Nullable List<String> channels,
                @RequestParam(required = false) @Nullable String materials, @RequestParam(required = false) @Nullable String guide,
                @RequestParam(required = false) @Nullable String enabled, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        if (channels != null) {
            channels.forEach(c -> chosen.add(ServicesApi.parse(Channel.class, c, "channels")));
        }
        if (legalDays == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("services.error.field", "legalDays");
        }
        if (promisedDays == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("services.error.field", "promisedDays");
        }
        if (chosen.isEmpty()) {
            throw org.yiwang.platform.LocalizedException.badRequest("services.error.field", "channels");
        }
        catalog.update(code, new ServiceCatalog.ItemEdit(ServicesApi.or(name, ""), ServicesApi.or(department, ""),
                ServicesApi.parse(Level.class, ServicesApi.or(homeLevel, ""), "homeLevel"), sameRights != null, departmentReview != null,
                ServicesApi.parse(ItemKind.class, ServicesApi.or(kind, ""), "kind"), legalDays, promisedDays, ServicesApi.or(fee, ""),
                chosen, ServicesApi.or(materials, ""), ServicesApi.or(guide, ""), enabled != null), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.catalog.saved", new Object[]{code}, LocaleContextHolder.getLocale()));
        return "redirect:/services/catalog/" + code;
    }

    @PostMapping("/services/catalog/communities")
    String sameRights(@RequestParam(required = false) @Nullable String community, @RequestParam(defaultValue = "false") boolean on,
                      RedirectAttributes redirect) {
        catalog.setCommunitySameRights(community == null ? "" : community, on, Actors.requireAny(Role.ADMIN));
        redirect.addFlashAttribute("flashSuccess", messages.getMessage(on ? "services.catalog.switchedOn" : "services.catalog.switchedOff",
                new Object[]{community}, LocaleContextHolder.getLocale()));
        return "redirect:/services/catalog";
    }
}
