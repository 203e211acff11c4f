package org.yiwang.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.Supporters;

import java.util.List;

/** 附议: the open reports near a point, and "me too" on one of them (residents). */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "Work orders", description = "工单：上报、查询、全周期处置")
class SupportController {

    private final Supporters supporters;

    SupportController(Supporters supporters) {
        this.supporters = supporters;
    }

    /** The answer to a 附议. */
    record SupportJson(long orderId, String number, int residentsAffected, boolean added) {
    }

    @Operation(operationId = "supportOrder", summary = "附议 (me too) on an open report: once per resident, repeating changes nothing (200 instead of 201)")
    @PostMapping("/{id}/supporters")
    ResponseEntity<SupportJson> support(@PathVariable long id) {
        Actor actor = Actors.require();
        Supporters.Support s = supporters.support(id, actor);
        return ResponseEntity.status(s.added() ? 201 : 200).body(new SupportJson(s.orderId(), s.number(), s.residentsAffected(), s.added()));
    }

    @Operation(operationId = "nearbyOpenOrders", summary = "Open reports within 300 m of a point, in a category if given (before filing a duplicate)")
    @GetMapping("/nearby")
    List<Supporters.Nearby> nearby(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                                   @RequestParam(required = false) String category) {
        Actor actor = Actors.require();
        if (lat == null || lon == null) {
            throw LocalizedException.badRequest("workorder.error.locationRequired");
        }
        if (!LonLat.isLatitude(lat)) {
            throw LocalizedException.badRequest("workorder.error.latOutOfRange", lat);
        }
        if (!LonLat.isLongitude(lon)) {
            throw LocalizedException.badRequest("workorder.error.lonOutOfRange", lon);
        }
        return supporters.nearbyOpen(lat, lon, category, actor);
    }
}
