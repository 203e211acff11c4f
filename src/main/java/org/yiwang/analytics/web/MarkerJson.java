package org.yiwang.analytics.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.analytics.CommandMap;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A map marker as the browser gets it: codes with their names in the viewer's language, and the link to the order. */
@Component
class MarkerJson {

    private final Catalog catalog;
    private final MessageSource messages;

    MarkerJson(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    Map<String, Object> of(CommandMap.Marker m, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("number", m.number());
        json.put("lat", m.lat());
        json.put("lon", m.lon());
        json.put("status", m.status().name());
        json.put("statusLabel", label("workorder.status." + m.status().name(), locale));
        json.put("open", m.status().isOpen());
        json.put("category", m.categoryCode());
        json.put("categoryName", m.categoryCode() == null ? label("analytics.map.uncategorised", locale)
                : catalog.find(m.categoryCode()).map(c -> name(c, locale)).orElse(m.categoryCode()));
        json.put("source", m.source().name());
        json.put("sourceLabel", label("analytics.source." + m.source().name(), locale));
        json.put("grid", m.gridCode());
        json.put("createdAt", m.createdAt().toString());
        json.put("light", m.light().name());
        json.put("lightLabel", label("workorder.light." + m.light().name(), locale));
        json.put("href", "/work-orders/" + m.id());
        return json;
    }

    private static String name(Category c, Locale locale) {
        return "en".equals(locale.getLanguage()) && c.nameEn() != null ? c.nameEn() : c.name();
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
