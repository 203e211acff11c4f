package org.yiwang.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.GridCode;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.ImportProblem;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.DataScope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a read import file against the territory and the rules of DESIGN "Geography": codes
 * well formed and under their community, parents that exist, nothing outside the importer's scope,
 * no duplicate codes, comprehensive grids of a community neither overlapping each other nor
 * leaving gaps (against the community boundary, or holes in their union when there is none), and a
 * full-time grid worker on every comprehensive grid. Overlaps, gaps and spill-overs smaller than
 * {@value #SLIVER_M2} m² are digitising noise and ignored.
 */
public final class ImportValidator {

    public static final double SLIVER_M2 = 1.0;
    /**
     * Overlays snap to 1e-9 degrees (about 0.1 mm): edges that neighbours share up to floating-point
     * noise then count as shared, and a ring of grids closes around the hole it leaves.
     */
    static final PrecisionModel SNAP = new PrecisionModel(1e9);

    /** What the validator needs to know about the territory and the people in it. */
    public interface Reference {

        /** Which of these division codes (streets, communities) exist. */
        Set<String> existingDivisions(Collection<String> codes);

        /** Stored boundaries of those of these communities that have one. */
        Map<String, Geometry> boundaries(Collection<String> communityCodes);

        /** The grid workers among these usernames. */
        Map<String, GridWorker> workers(Collection<String> usernames);
    }

    private final ParsedFile file;
    private final Reference reference;
    private final DataScope scope;
    private final List<ImportProblem> problems;

    private ImportValidator(ParsedFile file, Reference reference, DataScope scope) {
        this.file = file;
        this.reference = reference;
        this.scope = scope;
        this.problems = new ArrayList<>(file.problems());
    }

    /** All problems of the file, and what it would write. */
    public static ImportCheck check(ParsedFile file, Reference reference, DataScope scope) {
        return new ImportValidator(file, reference, scope).check();
    }

    /** Problems sorted by feature (file-wide ones first), and the plan — null when the file could not be read. */
    public record ImportCheck(List<ImportProblem> problems, ImportPlan plan) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(ImportProblem::isError);
        }
    }

    private ImportCheck check() {
        if (!file.readable()) {
            return new ImportCheck(problems, null);
        }
        List<ParsedFeature> features = file.features();
        Set<Integer> duplicates = duplicates(features);

        Set<String> wanted = new TreeSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        for (ParsedFeature f : features) {
            if (f.kind() == ParsedFeature.Kind.COMMUNITY && DivisionLevel.COMMUNITY.accepts(f.code())) {
                wanted.add(f.code().substring(0, 9));
            } else if (f.isGrid() && DivisionLevel.COMMUNITY.accepts(f.communityCode())) {
                wanted.add(f.communityCode());
            }
            usernames.addAll(f.workers());
        }
        Set<String> existing = reference.existingDivisions(wanted);
        Map<String, GridWorker> workers = usernames.isEmpty() ? Map.of() : reference.workers(usernames);

        Map<String, ParsedFeature> communityFeatures = new LinkedHashMap<>();
        Set<String> definedInFile = new HashSet<>();
        for (ParsedFeature f : features) {
            if (f.kind() == ParsedFeature.Kind.COMMUNITY && f.code() != null && !duplicates.contains(f.index())) {
                checkCommunity(f, existing);
                if (DivisionLevel.COMMUNITY.accepts(f.code())) {
                    definedInFile.add(f.code()); // even when broken: its own errors say so, its grids need no more
                    if (f.readable()) {
                        communityFeatures.put(f.code(), f);
                    }
                }
            }
        }
        Map<String, List<GridWorker>> gridWorkers = new LinkedHashMap<>();
        for (ParsedFeature f : features) {
            if (f.isGrid()) {
                checkGrid(f, existing, definedInFile);
                List<GridWorker> assigned = checkWorkers(f, workers);
                if (GridCode.isValid(f.code()) && !duplicates.contains(f.index())) {
                    gridWorkers.put(f.code(), assigned);
                }
            }
        }

        Map<String, List<ParsedFeature>> byCommunity = new LinkedHashMap<>();
        for (ParsedFeature f : features) {
            String community = f.community();
            if (f.kind() != null && DivisionLevel.COMMUNITY.accepts(community) && !duplicates.contains(f.index())) {
                byCommunity.computeIfAbsent(community, c -> new ArrayList<>()).add(f);
            }
        }
        Set<String> withoutBoundary = new TreeSet<>(byCommunity.keySet());
        communityFeatures.values().stream().filter(f -> f.geometry() != null).forEach(f -> withoutBoundary.remove(f.code()));
        Map<String, Geometry> storedBoundaries = withoutBoundary.isEmpty() ? Map.of() : reference.boundaries(withoutBoundary);
        byCommunity.forEach((community, members) -> {
            ParsedFeature communityFeature = communityFeatures.get(community);
            Geometry boundary = communityFeature != null && communityFeature.geometry() != null
                    ? communityFeature.geometry() : storedBoundaries.get(community);
            checkCoverage(community, communityFeature, members, boundary);
        });

        problems.sort(Comparator.comparingInt(p -> p.feature() == null ? -1 : p.feature()));
        List<Division> divisions = communityFeatures.values().stream()
                .filter(f -> f.name() != null)
                .map(f -> new Division(f.code(), f.name(), DivisionLevel.COMMUNITY, f.code().substring(0, 9)))
                .toList();
        Map<String, Geometry> boundaries = new HashMap<>();
        communityFeatures.values().stream().filter(f -> f.geometry() != null).forEach(f -> boundaries.put(f.code(), f.geometry()));
        List<GridRow> grids = features.stream()
                .filter(f -> f.isGrid() && f.readable() && f.geometry() != null && GridCode.isValid(f.code())
                        && !duplicates.contains(f.index()))
                .map(f -> new GridRow(f.code(), f.name(), f.kind().gridKind(), f.dedicatedType(), f.communityCode(),
                        f.households(), f.population(), f.geometry()))
                .toList();
        return new ImportCheck(problems, new ImportPlan(new TreeSet<>(byCommunity.keySet()), divisions, boundaries, grids, gridWorkers));
    }

    /** Reports repeated codes; returns the indexes of the repetitions, which are left out of further checks. */
    private Set<Integer> duplicates(List<ParsedFeature> features) {
        Map<String, Integer> first = new HashMap<>();
        Set<Integer> duplicated = new LinkedHashSet<>();
        for (ParsedFeature f : features) {
            if (f.code() == null || f.kind() == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(key(f), f.index());
            if (earlier != null) {
                problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.duplicateCode", f.code(), earlier));
                duplicated.add(f.index());
            }
        }
        return duplicated;
    }

    /** Community and grid codes differ in length, but keep them apart anyway. */
    private static String key(ParsedFeature f) {
        return (f.kind() == ParsedFeature.Kind.COMMUNITY ? "c:" : "g:") + f.code();
    }

    private void checkCommunity(ParsedFeature f, Set<String> existing) {
        if (!DivisionLevel.COMMUNITY.accepts(f.code())) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.badCommunityCode", f.code()));
            return;
        }
        if (!scope.covers(f.code())) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.outsideScope", f.code()));
            return;
        }
        String street = f.code().substring(0, 9);
        if (!existing.contains(street)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.unknownStreet", street, f.code()));
        }
    }

    private void checkGrid(ParsedFeature f, Set<String> existing, Set<String> communitiesInFile) {
        String community = f.communityCode();
        if (f.code() == null) {
            problems.add(ImportProblem.error(f.index(), null, "geo.import.missingProperty", "code"));
        } else if (!GridCode.isValid(f.code())) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.badGridCode", f.code()));
        }
        if (community == null) {
            return; // reported by the reader
        }
        if (!DivisionLevel.COMMUNITY.accepts(community)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.badCommunityCode", community));
            return;
        }
        if (f.code() != null && !f.code().startsWith(community)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.codeNotUnderCommunity", f.code(), community));
        }
        if (!scope.covers(community)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.outsideScope", community));
        } else if (!existing.contains(community) && !communitiesInFile.contains(community)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.unknownCommunity", community));
        }
    }

    private List<GridWorker> checkWorkers(ParsedFeature f, Map<String, GridWorker> known) {
        List<GridWorker> found = new ArrayList<>();
        boolean unknown = false;
        for (String username : f.workers()) {
            GridWorker worker = known.get(username);
            if (worker == null) {
                unknown = true;
                problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.unknownWorker", username));
            } else {
                found.add(worker);
            }
        }
        if (f.kind() == ParsedFeature.Kind.COMPREHENSIVE && !unknown && found.stream().noneMatch(GridWorker::fullTime)) {
            problems.add(ImportProblem.error(f.index(), f.code(), "geo.import.noFullTimeWorker", f.code(),
                    f.workers().isEmpty() ? "—" : String.join(", ", f.workers())));
        }
        return found;
    }

    private void checkCoverage(String community, ParsedFeature communityFeature, List<ParsedFeature> members, Geometry boundary) {
        List<ParsedFeature> comprehensive = members.stream().filter(f -> f.kind() == ParsedFeature.Kind.COMPREHENSIVE).toList();
        boolean complete = comprehensive.stream().allMatch(f -> f.geometry() != null)
                && (communityFeature == null || communityFeature.geometry() != null);
        Integer communityIndex = communityFeature == null ? null : communityFeature.index();
        List<ParsedFeature> placed = comprehensive.stream().filter(f -> f.geometry() != null).toList();
        try {
            checkOverlaps(placed);
            if (boundary != null) {
                for (ParsedFeature f : members) {
                    if (f.isGrid() && f.geometry() != null) {
                        checkInside(f, community, boundary);
                    }
                }
            }
            if (!complete) {
                return; // the unreadable grids would show up as gaps: their own errors say enough
            }
            Geometry union = placed.isEmpty() ? null : UnaryUnionNG.union(
                    Geometries.FACTORY.buildGeometry(placed.stream().map(ParsedFeature::geometry).toList()), SNAP);
            if (boundary != null) {
                Geometry gaps = union == null ? boundary : OverlayNG.overlay(boundary, union, OverlayNG.DIFFERENCE, SNAP);
                for (Polygon gap : polygons(gaps)) {
                    double area = EqualAreaProjection.squareMetres(gap);
                    if (area >= SLIVER_M2) {
                        problems.add(ImportProblem.error(communityIndex, community, "geo.import.gap", community,
                                        squareMetres(area), lon(gap.getInteriorPoint()), lat(gap.getInteriorPoint()))
                                .at(lonLat(gap.getInteriorPoint())));
                    }
                }
            } else if (union != null) {
                for (Polygon part : polygons(union)) {
                    for (int h = 0; h < part.getNumInteriorRing(); h++) {
                        Polygon hole = Geometries.FACTORY.createPolygon(part.getInteriorRingN(h).getCoordinates());
                        double area = EqualAreaProjection.squareMetres(hole);
                        if (area >= SLIVER_M2) {
                            Point inside = hole.getInteriorPoint();
                            problems.add(ImportProblem.error(communityIndex, community, "geo.import.hole", community,
                                    squareMetres(area), lon(inside), lat(inside)).at(lonLat(inside)));
                        }
                    }
                }
            }
        } catch (TopologyException e) {
            problems.add(ImportProblem.error(communityIndex, community, "geo.import.topologyFailure", community, e.getMessage()));
        }
    }

    private void checkOverlaps(List<ParsedFeature> grids) {
        if (grids.size() < 2) {
            return;
        }
        STRtree tree = new STRtree();
        for (int i = 0; i < grids.size(); i++) {
            tree.insert(grids.get(i).geometry().getEnvelopeInternal(), i);
        }
        for (int i = 0; i < grids.size(); i++) {
            ParsedFeature a = grids.get(i);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(a.geometry());
            for (Object candidate : tree.query(a.geometry().getEnvelopeInternal())) {
                int j = (Integer) candidate;
                ParsedFeature b = grids.get(j);
                if (j <= i || !prepared.intersects(b.geometry())) {
                    continue;
                }
                Geometry overlap = OverlayNG.overlay(a.geometry(), b.geometry(), OverlayNG.INTERSECTION, SNAP);
                double area = EqualAreaProjection.squareMetres(overlap);
                if (area >= SLIVER_M2) {
                    ParsedFeature later = a.index() > b.index() ? a : b;
                    ParsedFeature earlier = later == a ? b : a;
                    Point inside = overlap.getInteriorPoint();
                    problems.add(ImportProblem.error(later.index(), later.code(), "geo.import.overlap",
                            later.code(), String.valueOf(later.name()), earlier.code(), String.valueOf(earlier.name()),
                            squareMetres(area), lon(inside), lat(inside)).at(lonLat(inside)));
                }
            }
        }
    }

    private void checkInside(ParsedFeature grid, String community, Geometry boundary) {
        if (boundary.covers(grid.geometry())) {
            return;
        }
        Geometry outside = OverlayNG.overlay(grid.geometry(), boundary, OverlayNG.DIFFERENCE, SNAP);
        double area = EqualAreaProjection.squareMetres(outside);
        if (area >= SLIVER_M2) {
            Point inside = outside.getInteriorPoint();
            boolean comprehensive = grid.kind() == ParsedFeature.Kind.COMPREHENSIVE;
            ImportProblem problem = comprehensive
                    ? ImportProblem.error(grid.index(), grid.code(), "geo.import.outsideCommunity", grid.code(),
                    squareMetres(area), community, lon(inside), lat(inside))
                    : ImportProblem.warning(grid.index(), grid.code(), "geo.import.dedicatedOutsideCommunity", grid.code(),
                    squareMetres(area), community, lon(inside), lat(inside));
            problems.add(problem.at(lonLat(inside)));
        }
    }

    private static List<Polygon> polygons(Geometry geometry) {
        List<Polygon> polygons = new ArrayList<>();
        if (geometry instanceof Polygon polygon) {
            if (!polygon.isEmpty()) {
                polygons.add(polygon);
            }
        } else if (geometry instanceof org.locationtech.jts.geom.GeometryCollection collection) {
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                polygons.addAll(polygons(collection.getGeometryN(i)));
            }
        }
        return polygons;
    }

    private static String squareMetres(double area) {
        return String.format(Locale.ROOT, "%.1f", area);
    }

    private static String lon(Point p) {
        return GeoJsonFeatures.format(p.getX());
    }

    private static String lat(Point p) {
        return GeoJsonFeatures.format(p.getY());
    }

    private static LonLat lonLat(Point p) {
        return p.isEmpty() ? null : new LonLat(p.getX(), p.getY());
    }
}
