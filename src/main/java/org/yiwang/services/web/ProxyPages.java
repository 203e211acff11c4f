package org.yiwang.services.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.registry.RegisterQueries;
import org.yiwang.services.Applications;
import org.yiwang.services.Bundle;
import org.yiwang.services.Delivery;
import org.yiwang.services.Material;
import org.yiwang.services.ServiceCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 帮办代办 on the phone: a grid worker (or community staff) finds a resident of their grids in the register — the care
 * groups first — and applies on their behalf for a care package or an item, with the consent they gave; the resident
 * then sees it among their applications.
 */
@Controller
class ProxyPages {

    private final ServiceCatalog catalog;
    private final Applications applications;
    private final RegisterQueries register;
    private final MessageSource messages;

    ProxyPages(ServiceCatalog catalog, Applications applications, RegisterQueries register, MessageSource messages) {
        this.catalog = catalog;
        this.applications = applications;
        this.register = register;
        this.messages = messages;
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current();
    }

    @ModelAttribute("tab")
    String tab() {
        return "proxy";
    }

    @GetMapping("/m/services/proxy")
    String people(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String tag, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        String careTag = tag == null || tag.isBlank() ? null : tag;
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("tag", careTag == null ? "" : careTag);
        model.addAttribute("people", register.searchPeople(new RegisterQueries.PersonSearch(name == null || name.isBlank() ? null : name,
                null, null, null, careTag, null, 0, 30), actor).items());
        model.addAttribute("packages", catalog.bundles().stream().filter(b -> b.kind() == Bundle.Kind.CARE).toList());
        model.addAttribute("mine", applications.mine(actor).stream().limit(10).toList());
        return "services/mobile/proxy";
    }

    @GetMapping("/m/services/proxy/{personId}")
    String form(@PathVariable long personId, @RequestParam(required = false) @Nullable String bundle,
                @RequestParam(required = false) @Nullable String item, Model model) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        model.addAttribute("person", register.person(personId, actor).person());
        List<Material> materials;
        if (item != null && !item.isBlank()) {
            model.addAttribute("item", catalog.require(item));
            materials = catalog.require(item).materials();
        } else {
            Bundle chosen = catalog.requireBundle(bundle == null || bundle.isBlank() ? "ELDERLY-CARE" : bundle);
            model.addAttribute("bundle", chosen);
            model.addAttribute("bundleItems", chosen.items().stream().map(catalog::require).toList());
            Map<String, Material> byName = new LinkedHashMap<>();
            chosen.items().stream().map(catalog::require).forEach(i -> i.materials().forEach(m -> byName.putIfAbsent(m.name(), m)));
            materials = List.copyOf(byName.values());
        }
        model.addAttribute("materials", materials);
        model.addAttribute("packages", catalog.bundles().stream().filter(b -> b.kind() == Bundle.Kind.CARE).toList());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "services/mobile/proxy-form";
    }

    @PostMapping("/m/services/proxy/{personId}")
    String apply(@PathVariable long personId, @RequestParam(required = false) @Nullable String bundleCode,
                 @RequestParam(required = false) @Nullable String itemCode, @RequestParam(required = false) @Nullable String consent,
                 @RequestParam(required = false) @Nullable String delivery, @RequestParam(required = false) @Nullable String mailAddress,
                 @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String requestId,
                 @Nullable MultipartHttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = Actors.requireAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
        List<Material> materials;
        if (itemCode != null && !itemCode.isBlank()) {
            materials = catalog.require(itemCode).materials();
        } else {
            Map<String, Material> byName = new LinkedHashMap<>();
            catalog.requireBundle(String.valueOf(bundleCode)).items().stream().map(catalog::require)
                    .forEach(i -> i.materials().forEach(m -> byName.putIfAbsent(m.name(), m)));
            materials = List.copyOf(byName.values());
        }
        Applications.ApplicationDetail detail = applications.apply(new Applications.Apply(itemCode, bundleCode, null,
                delivery == null || delivery.isBlank() ? Delivery.PICKUP : ServicesApi.parse(Delivery.class, delivery, "delivery"),
                mailAddress, note, requestId, Forms.uploads(request, Forms.names(materials)),
                new Applications.OnBehalf(personId, consent == null ? "" : consent), null), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.proxy.applied", new Object[]{detail.summary().number()},
                LocaleContextHolder.getLocale()));
        return "redirect:/m/services/applications/" + detail.summary().id();
    }
}
