package org.yiwang.geo.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.DedicatedType;
import org.yiwang.geo.DivisionRef;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Location;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.List;

/** Which grid is this point in: for every signed-in user (residents reporting, workers on patrol). */
@RestController
@RequestMapping("/api/geo")
class LocateController {

    private final GridLocator locator;

    LocateController(GridLocator locator) {
        this.locator = locator;
    }

    /**
     * Locates a point given in WGS-84 (default), GCJ-02 or BD-09.
     *
     * @return the WGS-84 point used, the grids containing it and its community, street and district;
     * 404 outside every grid, 400 naming the parameter for bad input
     */
    @GetMapping("/locate")
    LocateResponse locate(@RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                          @RequestParam(required = false) String crs) {
        Actors.require();
        double latitude = number("lat", lat);
        double longitude = number("lon", lon);
        if (!LonLat.isLatitude(latitude)) {
            throw LocalizedException.badRequest("geo.locate.latitude", lat);
        }
        if (!LonLat.isLongitude(longitude)) {
            throw LocalizedException.badRequest("geo.locate.longitude", lon);
        }
        CoordinateSystem system = crs == null || crs.isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(crs).orElseThrow(() -> LocalizedException.badRequest("geo.param.crs", crs));
        LonLat input = new LonLat(longitude, latitude);
        LonLat wgs84 = system.toWgs84(input);
        Location location = locator.locate(wgs84)
                .orElseThrow(() -> LocalizedException.notFound("geo.locate.outside",
                        String.format(java.util.Locale.ROOT, "%.6f", wgs84.lon()), String.format(java.util.Locale.ROOT, "%.6f", wgs84.lat())));
        return new LocateResponse(
                new Point(wgs84.lon(), wgs84.lat(), CoordinateSystem.WGS84.id()),
                system == CoordinateSystem.WGS84 ? null : new Point(input.lon(), input.lat(), system.id()),
                location.grids().stream().map(g -> new GridItem(g.code(), g.name(), g.kind().id(), g.dedicatedType())).toList(),
                location.community(), location.street(), location.district());
    }

    private static double number(String name, String value) {
        if (value == null || value.isBlank()) {
            throw LocalizedException.badRequest("error.missingParameter", name);
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LocalizedException.badRequest("lat".equals(name) ? "geo.locate.latitude" : "geo.locate.longitude", value);
    }

    /**
     * @param point the WGS-84 point that was looked up
     * @param input the point as given, when it was not WGS-84
     */
    record LocateResponse(Point point, Point input, List<GridItem> grids, DivisionRef community, DivisionRef street,
                          DivisionRef district) {
    }

    record Point(double lon, double lat, String crs) {
    }

    record GridItem(String code, String name, String kind, DedicatedType dedicatedType) {
    }
}
