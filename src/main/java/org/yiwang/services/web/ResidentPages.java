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
import org.yiwang.geo.Divisions;
import org.yiwang.platform.MobileShell;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.services.Action;
import org.yiwang.services.Applications;
import org.yiwang.services.Bundle;
import org.yiwang.services.Delivery;
import org.yiwang.services.Material;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;
import org.yiwang.services.Tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 一网通办 on the phone (/m/services): search the catalog and read the guide, apply with material uploads (one item or a
 * 一件事), follow my applications, supply what 补正 asks, rate (好差评), and take a queue number for a hall.
 */
@Controller
class ResidentPages {

    private final ServiceCatalog catalog;
    private final Applications applications;
    private final Tickets tickets;
    private final Divisions divisions;
    private final MessageSource messages;

    ResidentPages(ServiceCatalog catalog, Applications applications, Tickets tickets, Divisions divisions, MessageSource messages) {
        this.catalog = catalog;
        this.applications = applications;
        this.tickets = tickets;
        this.divisions = divisions;
        this.messages = messages;
    }

    @ModelAttribute("mobile")
    MobileShell mobile() {
        return MobileShell.current();
    }

    @ModelAttribute("tab")
    String tab() {
        return "services";
    }

    @GetMapping("/m/services")
    String home(@RequestParam(required = false) @Nullable String q, @RequestParam(name = "class", required = false) @Nullable String itemClass,
                Model model) {
        Actor actor = Actors.require();
        boolean searching = (q != null && !q.isBlank()) || (itemClass != null && !itemClass.isBlank());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("itemClass", itemClass == null ? "" : itemClass);
        model.addAttribute("classes", catalog.classes());
        model.addAttribute("items", searching ? catalog.search(q, itemClass, false) : List.of());
        model.addAttribute("searching", searching);
        model.addAttribute("bundles", catalog.bundles().stream().filter(b -> b.kind() == Bundle.Kind.BUNDLE).toList());
        model.addAttribute("mine", applications.mine(actor).stream().limit(5).toList());
        return "services/mobile/home";
    }

    @GetMapping("/m/services/items/{code}")
    String item(@PathVariable String code, Model model) {
        Actors.require();
        ServiceItem item = catalog.require(code);
        model.addAttribute("item", item);
        model.addAttribute("materials", item.materials());
        model.addAttribute("communities", Forms.communities(divisions));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "services/mobile/item";
    }

    @GetMapping("/m/services/bundles/{code}")
    String bundle(@PathVariable String code, Model model) {
        Actors.require();
        Bundle bundle = catalog.requireBundle(code);
        model.addAttribute("bundle", bundle);
        model.addAttribute("bundleItems", bundle.items().stream().map(catalog::require).toList());
        model.addAttribute("materials", shared(bundle));
        model.addAttribute("communities", Forms.communities(divisions));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "services/mobile/bundle";
    }

    @PostMapping("/m/services/apply")
    String apply(@RequestParam(required = false) @Nullable String itemCode, @RequestParam(required = false) @Nullable String bundleCode,
                 @RequestParam(required = false) @Nullable String communityCode, @RequestParam(required = false) @Nullable String delivery,
                 @RequestParam(required = false) @Nullable String mailAddress, @RequestParam(required = false) @Nullable String note,
                 @RequestParam(required = false) @Nullable String requestId, @Nullable MultipartHttpServletRequest request,
                 RedirectAttributes redirect) {
        Actor actor = Actors.require();
        List<Material> materials = itemCode != null && !itemCode.isBlank() ? catalog.require(itemCode).materials()
                : shared(catalog.requireBundle(String.valueOf(bundleCode)));
        Applications.ApplicationDetail detail = applications.apply(new Applications.Apply(itemCode, bundleCode, communityCode,
                delivery == null || delivery.isBlank() ? Delivery.PICKUP : ServicesApi.parse(Delivery.class, delivery, "delivery"),
                mailAddress, note, requestId, Forms.uploads(request, Forms.names(materials)), null, null), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.applied", new Object[]{detail.summary().number()},
                LocaleContextHolder.getLocale()));
        return "redirect:/m/services/applications/" + detail.summary().id();
    }

    @GetMapping("/m/services/mine")
    String mine(Model model) {
        model.addAttribute("applications", applications.mine(Actors.require()));
        return "services/mobile/mine";
    }

    @GetMapping("/m/services/applications/{id}")
    String application(@PathVariable long id, Model model) {
        Applications.ApplicationDetail detail = applications.detail(id, Actors.require());
        model.addAttribute("a", detail);
        model.addAttribute("canSupply", detail.actions().contains(Action.SUPPLY));
        model.addAttribute("canRate", detail.actions().contains(Action.RATE));
        model.addAttribute("materialNames", Forms.names(detail.required()));
        return "services/mobile/application";
    }

    @PostMapping("/m/services/applications/{id}/supply")
    String supply(@PathVariable long id, @Nullable MultipartHttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        Applications.ApplicationDetail detail = applications.detail(id, actor);
        applications.act(id, Action.SUPPLY, new Applications.Act(null, null, null, null,
                Forms.uploads(request, Forms.names(detail.required())), null), actor);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.supplied", null, LocaleContextHolder.getLocale()));
        return "redirect:/m/services/applications/" + id;
    }

    @PostMapping("/m/services/applications/{id}/rate")
    String rate(@PathVariable long id, @RequestParam(required = false) @Nullable Integer rating,
                @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        applications.act(id, Action.RATE, new Applications.Act(reason, null, null, rating, List.of(), null), Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.rated", null, LocaleContextHolder.getLocale()));
        return "redirect:/m/services/applications/" + id;
    }

    @GetMapping("/m/services/queue")
    String queue(Model model) {
        model.addAttribute("halls", Forms.halls(divisions));
        model.addAttribute("queues", Tickets.QUEUES);
        model.addAttribute("tickets", tickets.mine(Actors.require()));
        return "services/mobile/queue";
    }

    @PostMapping("/m/services/queue")
    String take(@RequestParam(required = false) @Nullable String hall, @RequestParam(required = false) @Nullable String queue,
                RedirectAttributes redirect) {
        Tickets.QueueTicket ticket = tickets.take(hall == null ? "" : hall, queue == null ? "综合" : queue, Actors.require());
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("services.queue.taken", new Object[]{ticket.label()},
                LocaleContextHolder.getLocale()));
        return "redirect:/m/services/queue";
    }

    /** The materials of a bundle's items, each once: a file given for one serves every item that asks for it. */
    List<Material> shared(Bundle bundle) {
        Map<String, Material> byName = new LinkedHashMap<>();
        bundle.items().stream().map(catalog::require).forEach(i -> i.materials().forEach(m -> byName.putIfAbsent(m.name(), m)));
        return List.copyOf(byName.values());
    }
}
