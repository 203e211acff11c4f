package org.yiwang.residents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.residents.OpenData;
import org.yiwang.residents.PhotoReviews;
import org.yiwang.residents.PublicReports;
import org.yiwang.workorder.PhotoStore;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The public data without signing in: map points, open-data downloads, approved photos. */
@RestController
@RequestMapping("/public")
@Tag(name = "Residents", description = "居民：关注、公开、开放数据")
class PublicDataController {

    /** The longest period one download covers. */
    static final int MAX_DAYS = 366;

    private final PublicReports reports;
    private final OpenData openData;
    private final PhotoReviews reviews;
    private final PhotoStore photos;
    private final Catalog catalog;
    private final Clock clock;

    PublicDataController(PublicReports reports, OpenData openData, PhotoReviews reviews, PhotoStore photos, Catalog catalog, Clock clock) {
        this.reports = reports;
        this.openData = openData;
        this.reviews = reviews;
        this.photos = photos;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A problem on the public map. */
    record MapPoint(String number, double lat, double lon, String status, boolean open, String category, String url) {
    }

    @Operation(operationId = "publicMapPoints", summary = "Open and recently fixed problems of the publishing districts (no sign-in)")
    @GetMapping("/map/points")
    List<MapPoint> points() {
        return reports.map().stream().map(r -> new MapPoint(r.number(), round(r.lat()), round(r.lon()), r.status(), r.open(),
                r.categoryCode() == null ? "" : catalog.find(r.categoryCode()).map(Category::name).orElse(""),
                "/public/reports/" + r.number())).toList();
    }

    @Operation(operationId = "openDataCsv", summary = "Published reports of a period as CSV, personal data removed (no sign-in)")
    @GetMapping(value = "/open-data/reports.csv", produces = "text/csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response)
            throws IOException {
        Instant[] period = period(from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"reports.csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            openData.csv(period[0], period[1], out);
        }
    }

    @Operation(operationId = "openDataGeoJson", summary = "Published reports of a period as GeoJSON, personal data removed (no sign-in)")
    @GetMapping(value = "/open-data/reports.geojson", produces = "application/geo+json")
    void geoJson(@RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response)
            throws IOException {
        Instant[] period = period(from, to);
        response.setContentType("application/geo+json;charset=UTF-8");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            openData.geoJson(period[0], period[1], out);
        }
    }

    @Operation(operationId = "publicPhoto", summary = "A photo of a published report that staff approved for the public")
    @GetMapping("/photos/{orderId}/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long orderId, @PathVariable String photoId) {
        reports.byId(orderId);
        if (!reviews.approved(orderId, photoId)) {
            throw LocalizedException.notFound("residents.error.photoNotPublic", photoId);
        }
        PhotoStore.StoredPhoto stored = photos.find(photoId).orElseThrow(() -> LocalizedException.notFound("residents.error.photoNotPublic", photoId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic()).body(photos.read(photoId));
    }

    /** [from, to + 1 day) in China time from yyyy-MM-dd; the last 30 days by default; at most a year. */
    private Instant[] period(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(30));
        if (end.isBefore(start)) {
            throw LocalizedException.badRequest("residents.error.periodReversed", start, end);
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw LocalizedException.badRequest("residents.error.periodTooLong", MAX_DAYS);
        }
        return new Instant[]{start.atStartOfDay(ChinaTime.ZONE).toInstant(), end.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()};
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw LocalizedException.badRequest("residents.error.date", field, value.length() > 20 ? value.substring(0, 20) : value);
        }
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
