package org.yiwang.residents.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The web app manifest of the phone pages: installable, opening on the report form, in the reader's language. */
@RestController
@Hidden
class ManifestController {

    private final MessageSource messages;

    ManifestController(MessageSource messages) {
        this.messages = messages;
    }

    record Icon(String src, String sizes, String type, String purpose) {
    }

    record Manifest(String name, String short_name, String lang, String start_url, String scope, String display,
                    String background_color, String theme_color, List<Icon> icons) {
    }

    @GetMapping(value = "/m/manifest.webmanifest")
    ResponseEntity<Manifest> manifest() {
        var locale = LocaleContextHolder.getLocale();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/manifest+json"))
                .body(new Manifest(messages.getMessage("mobile.manifest.name", null, locale), messages.getMessage("mobile.manifest.short", null, locale),
                        "en".equals(locale.getLanguage()) ? "en" : "zh-CN", "/m/report", "/m/", "standalone", "#ffffff", "#1f5fbf",
                        List.of(new Icon("/m/icons/icon-192.png", "192x192", "image/png", "any"),
                                new Icon("/m/icons/icon-512.png", "512x512", "image/png", "any"))));
    }
}
