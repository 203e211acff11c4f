package org.yiwang.geo.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.geo.GridLocator;
import org.yiwang.platform.YiwangProperties;

/**
 * At start: brings the shipped divisions into the database, generates the demo territory on the
 * first start (when {@code yiwang.demo-data} is on and there are no grids yet), and builds the grid
 * index. Runs before the application runners of other modules, so that their demo data finds the
 * territory in place.
 */
@Component
@Order(GeoStartup.ORDER)
class GeoStartup implements ApplicationRunner {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    private static final Logger log = LoggerFactory.getLogger(GeoStartup.class);

    private final DivisionStore divisions;
    private final DemoTerritory demo;
    private final GridLocator locator;
    private final YiwangProperties properties;

    GeoStartup(DivisionStore divisions, DemoTerritory demo, GridLocator locator, YiwangProperties properties) {
        this.divisions = divisions;
        this.demo = demo;
        this.locator = locator;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = divisions.upsert(DivisionCatalog.load());
        if (changed > 0) {
            log.info("Loaded {} divisions from {}", changed, DivisionCatalog.RESOURCE);
        }
        if (properties.demoData()) {
            demo.generateIfEmpty();
        }
        locator.refresh();
    }
}
