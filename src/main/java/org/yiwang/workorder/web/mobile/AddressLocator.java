package org.yiwang.workorder.web.mobile;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;

import java.util.Optional;

/**
 * The typed-address fallback when the phone gives no position: finds the grid, community or street
 * whose name the address mentions (the longest name wins, "乌衣社区第三网格" before "乌衣社区" before "乌衣")
 * and proposes a point inside it, which the reporter then corrects by dragging the pin. No street
 * geocoder is involved: Yiwang runs offline.
 */
@Component
class AddressLocator {

    private final GridLocator grids;

    AddressLocator(GridLocator grids) {
        this.grids = grids;
    }

    /** A proposed point and what it was recognised as. */
    record Found(double lat, double lon, String label) {
    }

    Optional<Found> locate(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.replaceAll("\\s+", "");
        IndexedGrid best = null;
        int bestLength = 0;
        String label = null;
        for (IndexedGrid grid : grids.index().grids()) {
            String[] names = {grid.grid().name(), grid.community().name(), shortName(grid.community().name(), "社区"),
                    grid.street().name(), shortName(grid.street().name(), "街道")};
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (name == null || name.length() < 2 || name.length() <= bestLength || !text.contains(name)) {
                    continue;
                }
                // a community or street is stood for by one of its comprehensive grids
                if (i > 0 && grid.kind() != GridKind.COMPREHENSIVE) {
                    continue;
                }
                best = grid;
                bestLength = name.length();
                label = i == 0 ? grid.street().name() + " · " + grid.community().name() + " · " + grid.grid().name()
                        : i <= 2 ? grid.street().name() + " · " + grid.community().name() : grid.street().name();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Point inside = best.geometry().getInteriorPoint();
        return Optional.of(new Found(inside.getY(), inside.getX(), label));
    }

    private static String shortName(String name, String suffix) {
        return name != null && name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
    }
}
