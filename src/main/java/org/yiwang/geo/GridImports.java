package org.yiwang.geo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.internal.DivisionStore;
import org.yiwang.geo.internal.GeoJsonFeatures;
import org.yiwang.geo.internal.GridStore;
import org.yiwang.geo.internal.ImportPlan;
import org.yiwang.geo.internal.ImportValidator;
import org.yiwang.geo.internal.ParsedFile;
import org.yiwang.platform.DataScope;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports communities and grids from GeoJSON.
 * <p>
 * The file is a FeatureCollection of Polygon/MultiPolygon features with the properties {@code code},
 * {@code name}, {@code kind} ({@code comprehensive | dedicated | community}), and for grids
 * {@code community} (the parent community's code), {@code households}, {@code population},
 * {@code dedicatedType} (dedicated grids) and {@code gridWorkers} (usernames).
 * <p>
 * <b>The file is the complete picture of every community it contains</b> (a community is contained
 * when the file has its community feature or any grid of it): after the import those communities
 * have exactly the grids of the file, with exactly the workers the file lists; their other grids are
 * removed. Communities the file does not mention are left alone. A community feature creates the
 * community (under an existing street) or renames it and replaces its boundary; without one, the
 * stored boundary stays and is used for the gap check.
 * <p>
 * Everything is validated before anything is written (see the problems in {@link ImportReport}); one
 * error rejects the whole file and nothing changes. Imports run one at a time across all nodes.
 */
@Service
public class GridImports {

    private final GridStore grids;
    private final DivisionStore divisions;
    private final ObjectProvider<GridWorkerDirectory> directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    GridImports(GridStore grids, DivisionStore divisions, ObjectProvider<GridWorkerDirectory> directory,
                ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.grids = grids;
        this.divisions = divisions;
        this.directory = directory;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Validates the file and, when it has no errors and this is no dry run, applies it.
     *
     * @param scope the importer's data scope: every community of the file must lie inside it
     */
    public ImportReport importGeoJson(byte[] geoJson, ImportOptions options, DataScope scope) {
        ParsedFile parsed = GeoJsonFeatures.parse(geoJson, options.coordinates());
        if (!parsed.readable()) {
            return report(parsed, parsed.problems(), options, List.of(), 0, 0, 0);
        }
        return transaction.execute(status -> {
            if (!options.dryRun()) {
                grids.lockRevision();
            }
            ImportValidator.ImportCheck check = ImportValidator.check(parsed, new DatabaseReference(), scope);
            ImportPlan plan = check.plan();
            Set<String> existing = grids.codesIn(plan.communities());
            Set<String> incoming = new HashSet<>();
            plan.grids().forEach(g -> incoming.add(g.code()));
            // counted inside the importer's scope only, so that a report tells nothing about grids beyond it
            int created = (int) incoming.stream().filter(c -> scope.covers(c) && !existing.contains(c)).count();
            int updated = (int) incoming.stream().filter(c -> scope.covers(c) && existing.contains(c)).count();
            int removed = (int) existing.stream().filter(c -> scope.covers(c) && !incoming.contains(c)).count();
            List<String> communities = List.copyOf(plan.communities());
            if (check.hasErrors() || options.dryRun()) {
                return report(parsed, check.problems(), options, communities, created, updated, removed);
            }
            divisions.upsertCommunities(plan.communityFeatures(), plan.boundaries());
            grids.deleteInCommunitiesExcept(plan.communities(), incoming);
            grids.upsert(plan.grids());
            grids.replaceWorkers(plan.workers());
            long revision = grids.bumpRevision();
            events.publishEvent(new GridsChanged(plan.communities(), created, updated, removed, revision));
            return report(parsed, check.problems(), options, communities, created, updated, removed);
        });
    }

    private static ImportReport report(ParsedFile parsed, List<ImportProblem> problems, ImportOptions options,
                                       List<String> communities, int created, int updated, int removed) {
        boolean accepted = problems.stream().noneMatch(ImportProblem::isError);
        List<ImportProblem> listed = problems.size() > ImportReport.MAX_LISTED_PROBLEMS
                ? problems.subList(0, ImportReport.MAX_LISTED_PROBLEMS) : problems;
        return new ImportReport(accepted, options.dryRun(), parsed.featureCount(), communities, created, updated, removed,
                listed, problems.size());
    }

    /** The territory as the database and the grid worker directory know it. */
    private final class DatabaseReference implements ImportValidator.Reference {

        @Override
        public Set<String> existingDivisions(Collection<String> codes) {
            return divisions.findAll(codes).keySet();
        }

        @Override
        public Map<String, org.locationtech.jts.geom.Geometry> boundaries(Collection<String> communityCodes) {
            return divisions.boundaries(communityCodes);
        }

        @Override
        public Map<String, GridWorker> workers(Collection<String> usernames) {
            GridWorkerDirectory found = directory.getIfUnique();
            return found == null ? Map.of() : found.findAll(usernames);
        }
    }
}
