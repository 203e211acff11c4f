package org.yiwang.analytics.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.analytics.CommandMap;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.TrafficLight;
import org.yiwang.workorder.WorkOrderStatus;

import java.util.Locale;

/** A map marker as the browser gets it: codes with their names in the viewer's language, and the link to the order. */
@Component
class MarkerJson {

    private final Catalog catalog;
    private final MessageSource messages;

    MarkerJson(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /**
     * A marker; {@code action}, {@code actionLabel} and {@code at} only in a live update (what just
     * happened to the order).
     */
    @Schema(name = "MapMarker")
    record Marker(long id, String number, double lat, double lon, WorkOrderStatus status, String statusLabel, boolean open,
                  String category, String categoryName, Source source, String sourceLabel, String grid, String createdAt,
                  TrafficLight light, String lightLabel, String href, Action action, String actionLabel, String at) {

        Marker after(Action action, String actionLabel, String at) {
            return new Marker(id, number, lat, lon, status, statusLabel, open, category, categoryName, source, sourceLabel, grid,
                    createdAt, light, lightLabel, href, action, actionLabel, at);
        }
    }

    Marker of(CommandMap.Marker m, Locale locale) {
        return new Marker(m.id(), m.number(), m.lat(), m.lon(), m.status(), label("workorder.status." + m.status().name(), locale),
                m.status().isOpen(), m.categoryCode(), m.categoryCode() == null ? label("analytics.map.uncategorised", locale)
                : catalog.find(m.categoryCode()).map(c -> name(c, locale)).orElse(m.categoryCode()),
                m.source(), label("analytics.source." + m.source().name(), locale), m.gridCode(), m.createdAt().toString(),
                m.light(), label("workorder.light." + m.light().name(), locale), "/work-orders/" + m.id(), null, null, null);
    }

    private static String name(Category c, Locale locale) {
        return "en".equals(locale.getLanguage()) && c.nameEn() != null ? c.nameEn() : c.name();
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
