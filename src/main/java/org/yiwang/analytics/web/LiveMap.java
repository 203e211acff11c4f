package org.yiwang.analytics.web;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.analytics.CommandMap;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.workorder.JournalFollower;
import org.yiwang.workorder.WorkOrderJournaled;
import org.yiwang.workorder.WorkOrderTransitioned;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live updates of the command-centre map by server-sent events: every change of a work order is
 * pushed, as a marker with its new state and light, to the viewers whose data scope covers the
 * order's grid — and to nobody else. Viewers connect to one node; every node follows the work-order
 * journal for itself, so changes made on any node reach them. A comment every 20 s keeps the
 * connections open through proxies and finds the ones that went away.
 */
@Component
class LiveMap implements JournalFollower {

    private static final Logger log = LoggerFactory.getLogger(LiveMap.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CommandMap map;
    private final MarkerJson markers;
    private final JsonMapper json;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();

    LiveMap(CommandMap map, MarkerJson markers, JsonMapper json) {
        this.map = map;
        this.markers = markers;
        this.json = json;
    }

    /** A connected map: whose scope it shows, in which language, and its event stream. */
    record Viewer(long userId, DataScope scope, Locale locale, SseEmitter emitter) {
    }

    SseEmitter subscribe(Actor actor, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Viewer viewer = new Viewer(actor.userId(), actor.scope(), locale, emitter);
        viewers.add(viewer);
        emitter.onCompletion(() -> viewers.remove(viewer));
        emitter.onTimeout(() -> viewers.remove(viewer));
        emitter.onError(e -> viewers.remove(viewer));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{\"viewers\":" + viewers.size() + "}", MediaType.APPLICATION_JSON)
                    .reconnectTime(5000));
        } catch (IOException e) {
            viewers.remove(viewer);
        }
        return emitter;
    }

    int viewers() {
        return viewers.size();
    }

    /** Ends every stream (the browsers reconnect, to this node or another): on shutdown. */
    @PreDestroy
    void closeAll() {
        for (Viewer viewer : viewers) {
            viewers.remove(viewer);
            try {
                viewer.emitter().complete();
            } catch (RuntimeException e) {
                log.debug("Could not end the stream of map viewer {}: {}", viewer.userId(), e.toString());
            }
        }
    }

    /** Whether anybody watches the map on this node; while nobody does, changes are not even queued for it. */
    public boolean watched() {
        return !viewers.isEmpty();
    }

    @Override
    public String name() {
        return "analytics.live-map";
    }

    @Override
    public boolean perNode() {
        return true;
    }

    /** One push per order of the batch, with the marker as it is after all of it; nothing while nobody watches. */
    @Override
    public void apply(List<WorkOrderJournaled> changes) {
        if (!watched()) {
            return;
        }
        Map<Long, WorkOrderTransitioned> latest = new LinkedHashMap<>();
        changes.forEach(changed -> latest.put(changed.orderId(), changed.last()));
        latest.values().forEach(this::push);
    }

    private void push(WorkOrderTransitioned event) {
        if (viewers.isEmpty()) {
            return;
        }
        String territory = event.gridCode() != null ? event.gridCode() : event.districtCode();
        List<Viewer> audience = viewers.stream().filter(v -> v.scope().covers(territory)).toList();
        if (audience.isEmpty()) {
            return;
        }
        CommandMap.Marker marker = map.marker(event.orderId()).orElse(null);
        if (marker == null) {
            return;
        }
        Map<Locale, String> payloads = new HashMap<>();
        for (Viewer viewer : audience) {
            String payload = payloads.computeIfAbsent(viewer.locale(), locale -> {
                return json.writeValueAsString(markers.of(marker, locale).after(event.action(),
                        markers.label("workorder.action." + event.action().name(), locale), event.at().toString()));
            });
            send(viewer, SseEmitter.event().name("order").id(event.orderId() + "-" + event.at().toEpochMilli())
                    .data(payload, MediaType.APPLICATION_JSON));
        }
    }

    @Scheduled(fixedDelayString = "PT20S", initialDelayString = "PT20S")
    void keepAlive() {
        for (Viewer viewer : viewers) {
            send(viewer, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(Viewer viewer, SseEmitter.SseEventBuilder event) {
        try {
            viewer.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("Map viewer {} went away: {}", viewer.userId(), e.toString());
            viewers.remove(viewer);
            viewer.emitter().completeWithError(e);
        }
    }
}
