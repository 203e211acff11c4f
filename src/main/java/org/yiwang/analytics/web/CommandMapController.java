package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.analytics.CommandMap;
import org.yiwang.analytics.MapFilter;
import org.yiwang.analytics.Period;
import org.yiwang.catalog.Catalog;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 指挥一张图 — the command-centre map: the reader's grids coloured by how many orders they hold, the
 * orders as markers coloured by traffic light and clustered, filters by category, status, source and
 * reporting time, a click through to each order, and live updates by server-sent events.
 */
@Controller
@RequestMapping("/command/map")
class CommandMapController {

    static final Role[] VIEWERS = {Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.COMMUNITY_STAFF};

    private final CommandMap map;
    private final LiveMap live;
    private final MarkerJson markers;
    private final Catalog catalog;
    private final BaseMaps baseMaps;
    private final DistrictOutline outline;

    CommandMapController(CommandMap map, LiveMap live, MarkerJson markers, Catalog catalog, BaseMaps baseMaps,
                         DistrictOutline outline) {
        this.map = map;
        this.live = live;
        this.markers = markers;
        this.catalog = catalog;
        this.baseMaps = baseMaps;
        this.outline = outline;
    }

    @GetMapping
    String page(@RequestParam(required = false) String category, @RequestParam(required = false) WorkOrderStatus status,
                @RequestParam(required = false) Source source, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        Actor actor = Actors.requireAny(VIEWERS);
        filter(category, status, source, from, to);
        model.addAttribute("screenAllowed", actor.hasAny(CommandScreenController.VIEWERS));
        // the grids are cached by the browser for a while: one URL per reader, so that another account signed in on
        // the same browser never gets the previous reader's territory from the cache
        model.addAttribute("reader", actor.userId());
        model.addAttribute("majorClasses", catalog.majorClasses());
        model.addAttribute("statuses", WorkOrderStatus.values());
        model.addAttribute("sources", Source.values());
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("source", source);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        baseMaps.addTo(model);
        return "analytics/map";
    }

    @GetMapping(value = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MapOrders orders(@RequestParam(required = false) String category, @RequestParam(required = false) WorkOrderStatus status,
                     @RequestParam(required = false) Source source, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to) {
        Actor actor = Actors.requireAny(VIEWERS);
        CommandMap.Orders orders = map.orders(actor, filter(category, status, source, from, to));
        Locale locale = LocaleContextHolder.getLocale();
        return new MapOrders(orders.markers().stream().map(m -> markers.of(m, locale)).toList(), orders.perGrid(), orders.total(),
                orders.truncated());
    }

    /** The open orders of the map: markers (at most a limit, then {@code truncated}) and counts per grid code. */
    @Schema(name = "MapOrders")
    record MapOrders(List<MarkerJson.Marker> markers, Map<String, Long> perGrid, long total, boolean truncated) {
    }

    @GetMapping(value = "/grids.geojson")
    ResponseEntity<byte[]> grids() {
        Actor actor = Actors.requireAny(VIEWERS);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(map.gridsGeoJson(actor));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        Actor actor = Actors.requireAny(VIEWERS);
        return live.subscribe(actor, LocaleContextHolder.getLocale());
    }

    /** The base maps this installation offers, in the reader's language, and which one the map opens on. */
    @GetMapping(value = "/base-maps", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    BaseMapChoice baseMaps() {
        Actors.requireAny(VIEWERS);
        return new BaseMapChoice(baseMaps.defaultBase(), baseMaps.offered(LocaleContextHolder.getLocale()));
    }

    @Schema(name = "BaseMapChoice")
    record BaseMapChoice(String defaultBase, List<BaseMaps.BaseMap> offered) {
    }

    /** The offline base map: the district's real outline and its streets with their names, WGS-84. */
    @GetMapping(value = "/outline.geojson")
    ResponseEntity<DistrictOutline.Outline> outline() {
        Actors.requireAny(VIEWERS);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(outline.outline());
    }

    /** Dates are days in Beijing time: {@code from} from its start, {@code to} up to its end. */
    static MapFilter filter(String category, WorkOrderStatus status, Source source, String from, String to) {
        return new MapFilter(category, status, source, day(from, "from", 0), day(to, "to", 1));
    }

    private static Instant day(String text, String name, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(Period.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("analytics.error.date", name, text);
        }
    }
}
