package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.analytics.CommandMap;
import org.yiwang.analytics.Dashboard;
import org.yiwang.analytics.Indicators;
import org.yiwang.analytics.MapFilter;
import org.yiwang.analytics.Period;
import org.yiwang.catalog.Catalog;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.workorder.TrafficLight;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The big screen (指挥中心大屏): one snapshot of the figures per territory and language, computed every
 * {@link #INTERVAL} on this node however many screens show it, and pushed to each of them by server-sent
 * events. A screen that connects gets the latest snapshot at once (computed then if there is none yet).
 */
@Component
class CommandScreen {

    private static final Logger log = LoggerFactory.getLogger(CommandScreen.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int TOP = 8;

    private final Indicators indicators;
    private final CommandMap map;
    private final GridLocator grids;
    private final Catalog catalog;
    private final MarkerJson markers;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final Map<Key, Snapshot> latest = new ConcurrentHashMap<>();

    CommandScreen(Indicators indicators, CommandMap map, GridLocator grids, Catalog catalog, MarkerJson markers,
                  MessageSource messages, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.indicators = indicators;
        this.map = map;
        this.grids = grids;
        this.catalog = catalog;
        this.markers = markers;
        this.messages = messages;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Screens that show the same territory in the same language share one snapshot. */
    record Key(DataScope scope, Locale locale) {
    }

    record Viewer(Key key, Actor actor, SseEmitter emitter) {
    }

    /**
     * What the big screen shows.
     *
     * @param today today's figures (Beijing time): reports, closures, open and overdue now
     * @param week the last 7 days: 按期结案率 and 满意率 (null when nothing was due or rated)
     * @param lights the open orders by traffic light
     * @param hotSpots the grids with the most open orders
     * @param departments the units ranked by 按期结案率 over the last 7 days, then by closures
     * @param events the latest changes of orders, newest first
     */
    @Schema(name = "ScreenSnapshot")
    record Snapshot(Instant at, Today today, Week week, Map<TrafficLight, Long> lights, List<Count> topCategories,
                    List<HotSpot> hotSpots, List<Department> departments, List<StreetLoad> streets, List<Event> events,
                    long computedMillis) {
    }

    @Schema(name = "ScreenToday")
    record Today(long intake, long closed, long open, long overdue) {
    }

    @Schema(name = "ScreenWeek")
    record Week(long intake, long closed, @Nullable Double onTimeRate, @Nullable Double satisfactionRate) {
    }

    @Schema(name = "ScreenCount")
    record Count(String name, long count) {
    }

    @Schema(name = "ScreenHotSpot")
    record HotSpot(String grid, String name, String street, long open, double lat, double lon) {
    }

    @Schema(name = "ScreenDepartment")
    record Department(String name, long closed, long open, long overdue, @Nullable Double onTimeRate, @Nullable String grade) {
    }

    @Schema(name = "ScreenStreet")
    record StreetLoad(String name, long intakeToday, long open, long overdue) {
    }

    @Schema(name = "ScreenEvent")
    record Event(long orderId, String number, String at, String action, String category, String href) {
    }

    SseEmitter subscribe(Actor actor, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Viewer viewer = new Viewer(new Key(actor.scope(), locale), actor, emitter);
        viewers.add(viewer);
        emitter.onCompletion(() -> viewers.remove(viewer));
        emitter.onTimeout(() -> viewers.remove(viewer));
        emitter.onError(e -> viewers.remove(viewer));
        Snapshot snapshot = latest.get(viewer.key());
        if (snapshot == null || snapshot.at().isBefore(clock.instant().minus(INTERVAL.multipliedBy(2)))) {
            snapshot = compute(actor, locale);
            latest.put(viewer.key(), snapshot);
        }
        send(viewer, snapshot);
        return emitter;
    }

    int viewers() {
        return viewers.size();
    }

    /** The snapshot for this reader, the shared one when it is fresh. */
    Snapshot current(Actor actor, Locale locale) {
        Key key = new Key(actor.scope(), locale);
        Snapshot snapshot = latest.get(key);
        if (snapshot != null && !snapshot.at().isBefore(clock.instant().minus(INTERVAL))) {
            return snapshot;
        }
        snapshot = compute(actor, locale);
        if (viewers.stream().anyMatch(v -> v.key().equals(key))) {
            latest.put(key, snapshot);
        }
        return snapshot;
    }

    /** Every interval: one snapshot per territory and language being watched, sent to each of its screens. */
    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void refresh() {
        Map<Key, List<Viewer>> byKey = new LinkedHashMap<>();
        viewers.forEach(v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
        latest.keySet().retainAll(byKey.keySet());
        byKey.forEach((key, audience) -> {
            try {
                Snapshot snapshot = compute(audience.getFirst().actor(), key.locale());
                latest.put(key, snapshot);
                audience.forEach(v -> send(v, snapshot));
            } catch (RuntimeException e) {
                log.warn("Big-screen snapshot for {} failed: {}", key.scope(), e.toString());
            }
        });
        viewers.forEach(v -> {
            try {
                v.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                viewers.remove(v);
            }
        });
    }

    @PreDestroy
    void closeAll() {
        for (Viewer viewer : viewers) {
            viewers.remove(viewer);
            try {
                viewer.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("Could not end a big-screen stream: {}", e.toString());
            }
        }
    }

    Snapshot compute(Actor actor, Locale locale) {
        long started = System.nanoTime();
        Dashboard today = indicators.dashboard(actor, Period.of("today", clock));
        Dashboard week = indicators.dashboard(actor, Period.of("7d", clock));
        CommandMap.Orders open = map.orders(actor, new MapFilter(null, null, null, null, null));

        Map<TrafficLight, Long> lights = new EnumMap<>(TrafficLight.class);
        for (TrafficLight light : TrafficLight.values()) {
            lights.put(light, 0L);
        }
        open.markers().forEach(m -> lights.merge(m.light(), 1L, Long::sum));

        List<HotSpot> hotSpots = open.perGrid().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> grids.grid(e.getKey()).map(g -> hotSpot(g, e.getValue())).orElse(null))
                .filter(Objects::nonNull)
                .toList();

        List<Department> departments = week.byDepartment().stream()
                .filter(r -> r.key() != null && !r.key().isBlank() && (r.closed() > 0 || r.open() > 0 || r.due() > 0))
                .sorted(Comparator.comparing((Dashboard.Row r) -> r.onTimeRate() == null ? -1 : r.onTimeRate()).reversed()
                        .thenComparing(Comparator.comparingLong(Dashboard.Row::closed).reversed())
                        .thenComparing(Dashboard.Row::name))
                .limit(TOP)
                .map(r -> new Department(r.name(), r.closed(), r.open(), r.overdue(), r.onTimeRate(), r.grade()))
                .toList();

        Map<String, Dashboard.Row> todayByStreet = new LinkedHashMap<>();
        today.byStreet().forEach(r -> todayByStreet.put(r.key(), r));
        List<StreetLoad> streets = today.byStreet().stream()
                .map(r -> new StreetLoad(r.name(), r.intake(), r.open(), r.overdue()))
                .sorted(Comparator.comparingLong(StreetLoad::open).reversed().thenComparing(StreetLoad::name))
                .toList();

        List<Count> categories = week.topCategories().stream().limit(TOP)
                .map(c -> new Count(c.code() == null ? markers.label("analytics.map.uncategorised", locale)
                        : catalog.find(c.code()).map(cat -> "en".equals(locale.getLanguage()) && cat.nameEn() != null
                        ? cat.nameEn() : cat.name()).orElse(c.name()), c.count()))
                .toList();

        Dashboard.Row h = today.headline();
        Dashboard.Row w = week.headline();
        return new Snapshot(clock.instant(), new Today(today.todayIntake(), h.closed(), h.open(), h.overdue()),
                new Week(w.intake(), w.closed(), w.onTimeRate(), w.satisfactionRate()), lights, categories, hotSpots,
                departments, streets, events(actor, locale), (System.nanoTime() - started) / 1_000_000);
    }

    private static HotSpot hotSpot(IndexedGrid g, long open) {
        var p = g.geometry().getInteriorPoint();
        return new HotSpot(g.code(), g.grid().name(), g.street() == null ? "" : g.street().name(), open,
                Math.round(p.getY() * 1e5) / 1e5, Math.round(p.getX() * 1e5) / 1e5);
    }

    /** The latest changes of orders in the reader's territory (from the orders' history), newest first. */
    private List<Event> events(Actor actor, Locale locale) {
        String[] patterns = actor.scope().likePatterns();
        if (patterns.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT t.order_id, o.number, t.at, t.action, o.category_code
                        FROM workorder_transition t JOIN workorder_order o ON o.id = t.order_id
                        WHERE t.at >= :since AND coalesce(o.grid_code, o.district_code) LIKE ANY (:patterns)
                        ORDER BY t.id DESC LIMIT 12
                        """)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
                .param("patterns", patterns)
                .query((rs, n) -> {
                    String category = rs.getString("category_code");
                    return new Event(rs.getLong("order_id"), rs.getString("number"), rs.getTimestamp("at").toInstant().toString(),
                            messages.getMessage("workorder.action." + rs.getString("action"), null, rs.getString("action"), locale),
                            category == null ? markers.label("analytics.map.uncategorised", locale)
                                    : catalog.find(category).map(c -> "en".equals(locale.getLanguage()) && c.nameEn() != null
                                    ? c.nameEn() : c.name()).orElse(category),
                            "/work-orders/" + rs.getLong("order_id"));
                }).list();
    }

    private void send(Viewer viewer, Snapshot snapshot) {
        try {
            viewer.emitter().send(SseEmitter.event().name("snapshot").data(json.writeValueAsString(snapshot), MediaType.APPLICATION_JSON)
                    .reconnectTime(5000));
        } catch (IOException | IllegalStateException e) {
            log.debug("Big screen of user {} went away: {}", viewer.actor().userId(), e.toString());
            viewers.remove(viewer);
        }
    }
}
