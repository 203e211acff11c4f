package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.Division;
import org.yiwang.geo.GridsChanged;
import org.yiwang.geo.Territory;
import org.yiwang.geo.TerritoryGenerated;
import org.yiwang.geo.TerritoryGenerator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes the demo territory of {@link TerritoryGenerator} into the database when there are no grids at all. */
@Component
public class DemoTerritory {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

    private final DivisionStore divisions;
    private final GridStore grids;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DemoTerritory(DivisionStore divisions, GridStore grids, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.divisions = divisions;
        this.grids = grids;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Generates and stores the demo territory unless some grid exists; the event says what was made. */
    public Optional<TerritoryGenerated> generateIfEmpty() {
        return transaction.execute(status -> {
            grids.lockRevision(); // two nodes starting together: the second waits, then finds the grids
            if (!grids.isEmpty()) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            Territory territory = TerritoryGenerator.demo();
            List<Division> communities = territory.communities().stream().map(Territory.Community::division).toList();
            Map<String, Geometry> boundaries = new HashMap<>();
            territory.communities().forEach(c -> boundaries.put(c.code(), c.boundary()));
            divisions.upsertCommunities(communities, boundaries);
            grids.upsert(territory.grids().stream()
                    .map(g -> new GridRow(g.code(), g.name(), g.kind(), g.dedicatedType(), g.communityCode(),
                            g.households(), g.population(), g.geometry()))
                    .toList());
            long revision = grids.bumpRevision();
            int comprehensive = territory.comprehensiveGrids().size();
            int dedicated = territory.dedicatedGrids().size();
            TerritoryGenerated generated = new TerritoryGenerated(territory.district().code(), communities.size(),
                    comprehensive, dedicated, revision);
            Set<String> communityCodes = communities.stream().map(Division::code).collect(Collectors.toSet());
            events.publishEvent(generated);
            events.publishEvent(new GridsChanged(communityCodes, comprehensive + dedicated, 0, 0, revision));
            log.info("Generated the demo territory of {}: {} communities, {} comprehensive and {} dedicated grids in {} ms",
                    territory.district().name(), communities.size(), comprehensive, dedicated,
                    (System.nanoTime() - started) / 1_000_000);
            return Optional.of(generated);
        });
    }
}
