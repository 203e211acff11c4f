package org.yiwang.services.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.services.Action;
import org.yiwang.services.ApplicationStatus;
import org.yiwang.services.Applications;
import org.yiwang.services.Bundle;
import org.yiwang.services.Channel;
import org.yiwang.services.Delivery;
import org.yiwang.services.ItemKind;
import org.yiwang.services.Level;
import org.yiwang.services.Reviews;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceFigures;
import org.yiwang.services.ServiceItem;
import org.yiwang.services.Tickets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 一网通办 JSON API: the catalog, applications and their actions, the queue, 整改 reviews and the figures. */
@RestController
@RequestMapping("/api/services")
@Tag(name = "Government services")
class ServicesApi {

    private final ServiceCatalog catalog;
    private final Applications applications;
    private final Tickets tickets;
    private final Reviews reviews;
    private final ServiceFigures figures;

    ServicesApi(ServiceCatalog catalog, Applications applications, Tickets tickets, Reviews reviews, ServiceFigures figures) {
        this.catalog = catalog;
        this.applications = applications;
        this.tickets = tickets;
        this.reviews = reviews;
        this.figures = figures;
    }

    /** A material file as JSON carries it: the material's name and the bytes in base64. */
    record MaterialUpload(@Nullable String material, @Nullable String contentBase64) {
    }

    /**
     * An application: {@code itemCode} or {@code bundleCode}; {@code registryPersonId} and {@code consent} for 帮办代办;
     * {@code walkInName} and {@code walkInPhone} for a walk-in at the window; {@code requestId} makes a double submit one.
     */
    record ServiceApplyInput(@Nullable String itemCode, @Nullable String bundleCode, @Nullable String communityCode, @Nullable String delivery,
                      @Nullable String mailAddress, @Nullable String note, @Nullable String requestId, @Nullable List<MaterialUpload> materials,
                      @Nullable Long registryPersonId, @Nullable String consent, @Nullable String walkInName, @Nullable String walkInPhone) {
    }

    record ServiceActInput(@Nullable String note, @Nullable String missing, @Nullable String resultNumber, @Nullable Integer rating,
                    @Nullable List<MaterialUpload> materials, @Nullable Integer version) {
    }

    record ServiceItemInput(@Nullable String name, @Nullable String department, @Nullable String homeLevel, @Nullable Boolean sameRights,
                     @Nullable Boolean departmentReview,
                     @Nullable String kind, @Nullable Integer legalDays, @Nullable Integer promisedDays, @Nullable String fee,
                     @Nullable List<String> channels, @Nullable String materials, @Nullable String guide, @Nullable Boolean enabled) {
    }

    record SameRightsInput(@Nullable Boolean sameRights) {
    }

    record QueueTicketInput(@Nullable String hall, @Nullable String queue) {
    }

    record QueueCallInput(@Nullable String queue, @Nullable String counter) {
    }

    record QueueFinishInput(@Nullable Boolean served, @Nullable Long applicationId) {
    }

    record ReviewCloseInput(@Nullable String outcome) {
    }

    record ServiceClassCount(String name, long items) {
    }

    @Operation(summary = "Search the service item catalog (事项清单): words in code, name, class or department; one class")
    @GetMapping("/items")
    List<ServiceItem> items(@RequestParam(required = false) @Nullable String q, @RequestParam(name = "class", required = false) @Nullable String itemClass) {
        Actors.require();
        return catalog.search(q, itemClass, false);
    }

    @Operation(summary = "The classes of the catalog with their item counts")
    @GetMapping("/classes")
    List<ServiceClassCount> classes() {
        Actors.require();
        return catalog.classes().entrySet().stream().map(e -> new ServiceClassCount(e.getKey(), e.getValue())).toList();
    }

    @Operation(summary = "One service item with its guide (办事指南) and materials")
    @GetMapping("/items/{code}")
    ServiceItem item(@PathVariable String code) {
        Actors.require();
        return catalog.require(code);
    }

    @Operation(summary = "Change a service item (admin); the edit survives later catalog versions")
    @PutMapping("/items/{code}")
    ServiceItem update(@PathVariable String code, @RequestBody ServiceItemInput in) {
        ServiceItem old = catalog.require(code);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (in.channels() == null) {
            channels.addAll(old.channels());
        } else {
            in.channels().forEach(c -> channels.add(parse(Channel.class, c, "channels")));
        }
        return catalog.update(code, new ServiceCatalog.ItemEdit(or(in.name(), old.name()), or(in.department(), old.department()),
                in.homeLevel() == null ? old.homeLevel() : parse(Level.class, in.homeLevel(), "homeLevel"),
                in.sameRights() == null ? old.sameRights() : in.sameRights(),
                in.departmentReview() == null ? old.departmentReview() : in.departmentReview(),
                in.kind() == null ? old.kind() : parse(ItemKind.class, in.kind(), "kind"),
                in.legalDays() == null ? old.legalDays() : in.legalDays(), in.promisedDays() == null ? old.promisedDays() : in.promisedDays(),
                or(in.fee(), old.fee()), channels, in.materials() == null ? org.yiwang.services.Material.formatAll(old.materials()) : in.materials(),
                or(in.guide(), old.guide()), in.enabled() == null ? old.enabled() : in.enabled()), Actors.require());
    }

    @Operation(summary = "The 一件事 bundles and the 帮办代办 care packages")
    @GetMapping("/bundles")
    List<Bundle> bundles() {
        Actors.require();
        return catalog.bundles();
    }

    @Operation(summary = "Switch 街社同权 on or off for one community (admin)")
    @PutMapping("/communities/{code}/same-rights")
    SameRightsInput sameRights(@PathVariable String code, @RequestBody SameRightsInput in) {
        if (in.sameRights() == null) {
            throw LocalizedException.badRequest("services.error.field", "sameRights");
        }
        catalog.setCommunitySameRights(code, in.sameRights(), Actors.require());
        return new SameRightsInput(catalog.communitySameRights(code));
    }

    @Operation(summary = "Apply: online (resident), at the window (walk-in) or on behalf of a registry person (帮办代办); idempotent by requestId")
    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    Applications.ApplicationDetail apply(@RequestBody ServiceApplyInput in) {
        Applications.OnBehalf onBehalf = in.registryPersonId() == null ? null
                : new Applications.OnBehalf(in.registryPersonId(), in.consent() == null ? "" : in.consent());
        Applications.WalkIn walkIn = in.walkInName() == null && in.walkInPhone() == null ? null
                : new Applications.WalkIn(or(in.walkInName(), ""), or(in.walkInPhone(), ""));
        return applications.apply(new Applications.Apply(in.itemCode(), in.bundleCode(), in.communityCode(),
                in.delivery() == null ? Delivery.PICKUP : parse(Delivery.class, in.delivery(), "delivery"), in.mailAddress(), in.note(),
                in.requestId(), uploads(in.materials()), onBehalf, walkIn), Actors.require());
    }

    @Operation(summary = "My applications: mine, those made for me (帮办代办), those I made for others")
    @GetMapping("/applications/mine")
    List<Applications.ApplicationRow> mine() {
        return applications.mine(Actors.require());
    }

    @Operation(summary = "The window's list of my territory: states (default the open ones), oldest due first")
    @GetMapping("/applications")
    List<Applications.ApplicationRow> desk(@RequestParam(required = false) @Nullable List<String> status) {
        Set<ApplicationStatus> states = EnumSet.noneOf(ApplicationStatus.class);
        if (status == null || status.isEmpty()) {
            states.addAll(ApplicationStatus.OPEN);
        } else {
            status.forEach(s -> states.add(parse(ApplicationStatus.class, s, "status")));
        }
        return applications.desk(states, 200, Actors.require());
    }

    @Operation(summary = "部门审批: applications the windows forwarded to my department — waiting, or (decided=true) decided by it")
    @GetMapping("/applications/review")
    List<Applications.ApplicationRow> review(@RequestParam(defaultValue = "false") boolean decided) {
        return applications.reviewQueue(decided, Actors.require());
    }

    @Operation(summary = "One application: materials, history, a bundle's items, the actions I may take")
    @GetMapping("/applications/{id}")
    Applications.ApplicationDetail detail(@PathVariable long id) {
        return applications.detail(id, Actors.require());
    }

    @Operation(summary = "Act: accept, reject, request-supplement (补正), supply, forward (转报 to the department), send-back, approve, deny, complete, deliver, rate (好差评 1–5)")
    @PostMapping("/applications/{id}/actions/{action}")
    Applications.ApplicationDetail act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) @Nullable ServiceActInput in) {
        ServiceActInput input = in == null ? new ServiceActInput(null, null, null, null, null, null) : in;
        return applications.act(id, Action.parse(action), new Applications.Act(input.note(), input.missing(), input.resultNumber(),
                input.rating(), uploads(input.materials()), input.version()), Actors.require());
    }

    @Operation(summary = "A material file of an application, to those who may see the application")
    @GetMapping("/applications/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        var data = applications.file(id, fileId, Actors.require());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(data.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").header("X-Content-Type-Options", "nosniff").body(data.bytes());
    }

    @Operation(summary = "Take a queue number in a hall (community or street division code) and queue (综合 or a class)")
    @PostMapping("/queue/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Tickets.QueueTicket take(@RequestBody QueueTicketInput in) {
        return tickets.take(or(in.hall(), ""), or(in.queue(), "综合"), Actors.require());
    }

    @Operation(summary = "My queue numbers of today")
    @GetMapping("/queue/tickets/mine")
    List<Tickets.QueueTicket> myTickets() {
        return tickets.mine(Actors.require());
    }

    @Operation(summary = "The board of my hall: waiting, called, served, no-show, average waiting and service minutes")
    @GetMapping("/queue/board")
    Tickets.QueueBoard board() {
        return tickets.board(Actors.require());
    }

    @Operation(summary = "Call the next waiting number of my hall (of one queue)")
    @PostMapping("/queue/call")
    Tickets.QueueTicket call(@RequestBody(required = false) @Nullable QueueCallInput in) {
        return tickets.callNext(in == null ? null : in.queue(), in == null ? null : in.counter(), Actors.require());
    }

    @Operation(summary = "A called number was served (with its application) or did not come (过号)")
    @PostMapping("/queue/tickets/{id}/finish")
    Tickets.QueueTicket finish(@PathVariable long id, @RequestBody QueueFinishInput in) {
        if (in.served() == null) {
            throw LocalizedException.badRequest("services.error.field", "served");
        }
        return tickets.finish(id, in.served(), in.applicationId(), Actors.require());
    }

    @Operation(summary = "Transfer a number to another queue of the hall (转号)")
    @PostMapping("/queue/tickets/{id}/transfer")
    Tickets.QueueTicket transfer(@PathVariable long id, @RequestBody QueueTicketInput in) {
        return tickets.transfer(id, or(in.queue(), ""), Actors.require());
    }

    @Operation(summary = "整改 reviews opened by 差评 in my territory (open ones, or all)")
    @GetMapping("/reviews")
    List<Reviews.ServiceReview> reviews(@RequestParam(defaultValue = "true") boolean open) {
        return reviews.list(open, Actors.require());
    }

    @Operation(summary = "Close a 整改 review with what was changed")
    @PostMapping("/reviews/{id}/close")
    void close(@PathVariable long id, @RequestBody ReviewCloseInput in) {
        reviews.close(id, in.outcome(), Actors.require());
    }

    @Operation(summary = "Figures of my territory: by item, level and channel; 即办率, 不见面办件量, on-time rate, 满意率, community share, waiting time")
    @GetMapping("/figures")
    ServiceFigures.ServiceFigureSet figures(@RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(from, to, Actors.require());
    }

    static List<Applications.Upload> uploads(@Nullable List<MaterialUpload> files) {
        List<Applications.Upload> result = new ArrayList<>();
        if (files == null) {
            return result;
        }
        for (MaterialUpload f : files) {
            if (f == null || f.material() == null || f.material().isBlank()) {
                throw LocalizedException.badRequest("services.error.field", "materials");
            }
            try {
                result.add(new Applications.Upload(f.material().strip(), Base64.getDecoder().decode(or(f.contentBase64(), ""))));
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("services.error.fileType", f.material());
            }
        }
        return result;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("services.error.field", field);
        }
    }

    static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
