package org.yiwang.geo.internal;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.ImportProblem;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.DataScope;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.yiwang.geo.GeoJsonFixtures.box;
import static org.yiwang.geo.GeoJsonFixtures.bytes;
import static org.yiwang.geo.GeoJsonFixtures.collection;
import static org.yiwang.geo.GeoJsonFixtures.community;
import static org.yiwang.geo.GeoJsonFixtures.comprehensive;
import static org.yiwang.geo.GeoJsonFixtures.dedicated;
import static org.yiwang.geo.GeoJsonFixtures.feature;
import static org.yiwang.geo.GeoJsonFixtures.polygon;

/** Every kind of problem a grid import reports, without a database. */
class ImportValidatorTests {

    static final String STREET = "320102002";       // 梅园新村街道
    static final String FILED = "320102002001";     // exists, with a stored boundary
    static final String BARE = "320102002003";      // exists, without a boundary
    static final String NEW = "320102002002";       // defined by the files below
    static final DataScope XUANWU = new DataScope(false, Set.of("320102"), Set.of());

    /** The territory: one street with two communities, and three grid workers. */
    static class Territory implements ImportValidator.Reference {
        Map<String, GridWorker> workers = Map.of(
                "wang.fang", new GridWorker(1, "wang.fang", "王芳", true),
                "li.lei", new GridWorker(2, "li.lei", "李雷", false),
                "zhao.min", new GridWorker(3, "zhao.min", "赵敏", true));

        @Override
        public Set<String> existingDivisions(Collection<String> codes) {
            Set<String> found = new HashSet<>(codes);
            found.retainAll(Set.of(STREET, FILED, BARE));
            return found;
        }

        @Override
        public Map<String, Geometry> boundaries(Collection<String> communityCodes) {
            return communityCodes.contains(FILED)
                    ? Map.of(FILED, Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(118.80, 118.81, 32.05, 32.06)))
                    : Map.of();
        }

        @Override
        public Map<String, GridWorker> workers(Collection<String> usernames) {
            return usernames.stream().filter(workers::containsKey).collect(Collectors.toMap(u -> u, workers::get));
        }
    }

    static ImportValidator.ImportCheck check(ObjectNode file) {
        return check(bytes(file), XUANWU);
    }

    static ImportValidator.ImportCheck check(byte[] file, DataScope scope) {
        return ImportValidator.check(GeoJsonFeatures.parse(file, CoordinateSystem.WGS84), new Territory(), scope);
    }

    static ImportValidator.ImportCheck check(String file) {
        return check(file.getBytes(StandardCharsets.UTF_8), XUANWU);
    }

    static List<String> keys(ImportValidator.ImportCheck check) {
        return check.problems().stream().map(ImportProblem::messageKey).toList();
    }

    /** A new community 118.82–118.84 × 32.05–32.06 cut into a west and an east grid. */
    static ObjectNode tiledCommunity() {
        return collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang", "li.lei"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.06), "zhao.min"),
                dedicated(NEW + "901", NEW, "SCHOOL", box(118.825, 32.052, 118.835, 32.058)));
    }

    @Test
    void aCommunityTiledByGridsWithFullTimeWorkersIsAccepted() {
        var check = check(tiledCommunity());
        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().communities()).containsExactly(NEW);
        assertThat(check.plan().communityFeatures()).singleElement()
                .satisfies(c -> assertThat(c.parentCode()).isEqualTo(STREET));
        assertThat(check.plan().grids()).extracting(GridRow::code).containsExactly(NEW + "001", NEW + "002", NEW + "901");
        assertThat(check.plan().workers().get(NEW + "001")).extracting(GridWorker::username).containsExactly("wang.fang", "li.lei");
        assertThat(check.plan().grids().getFirst().households()).isEqualTo(300);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        var check = check("{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": } ]}");
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.malformedJson");
            assertThat(p.feature()).isNull();
            assertThat(p.args().get(1)).isEqualTo("2");
            assertThat(p.isError()).isTrue();
        });
        assertThat(check.plan()).isNull();
    }

    @Test
    void somethingOtherThanAFeatureCollectionIsRejected() {
        assertThat(keys(check("{\"type\": \"Feature\", \"geometry\": null}"))).containsExactly("geo.import.notFeatureCollection");
        assertThat(check("[1, 2]").problems().getFirst().args()).containsExactly("array");
        assertThat(keys(check(""))).containsExactly("geo.import.empty");
        assertThat(keys(check("{\"type\": \"FeatureCollection\"}"))).containsExactly("geo.import.noFeatureArray");
        assertThat(keys(check("{\"type\": \"FeatureCollection\", \"features\": []}"))).containsExactly("geo.import.noFeatures");
    }

    @Test
    void aCrsOtherThanWgs84OrCgcs2000IsRejectedButCrs84IsFine() {
        ObjectNode mercator = tiledCommunity();
        mercator.putObject("crs").put("type", "name").putObject("properties").put("name", "urn:ogc:def:crs:EPSG::3857");
        assertThat(check(mercator).problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.unsupportedCrs");
            assertThat(p.args()).containsExactly("urn:ogc:def:crs:EPSG::3857");
        });
        ObjectNode crs84 = tiledCommunity();
        crs84.putObject("crs").put("type", "name").putObject("properties").put("name", "urn:ogc:def:crs:OGC:1.3:CRS84");
        assertThat(check(crs84).problems()).isEmpty();
        ObjectNode cgcs2000 = tiledCommunity();
        cgcs2000.putObject("crs").put("type", "name").putObject("properties").put("name", "EPSG:4490");
        assertThat(check(cgcs2000).problems()).isEmpty();
    }

    @Test
    void geometriesOtherThanPolygonsAreRejected() {
        ObjectNode point = feature(geometry("Point", "[118.8, 32.05]"));
        point.withObject("properties").put("code", NEW + "003").put("kind", "comprehensive").put("name", "点")
                .put("community", NEW).putArray("gridWorkers").add("wang.fang");
        ObjectNode file = tiledCommunity();
        ((tools.jackson.databind.node.ArrayNode) file.get("features")).add(point);
        assertThat(check(file).problems()).extracting(ImportProblem::feature, ImportProblem::code, ImportProblem::messageKey)
                .containsExactly(tuple(4, NEW + "003", "geo.import.wrongGeometryType"));
    }

    @Test
    void coordinatesOutOfRangeSwappedOrNotNumbersAreReportedWithTheirPosition() {
        var check = check("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "320102002002", "name": "倒置", "kind": "community"},
                   "geometry": {"type": "Polygon", "coordinates": [[[32.05, 118.82], [32.05, 118.84], [32.06, 118.84], [32.05, 118.82]]]}},
                  {"type": "Feature", "properties": {"code": "320102002002001", "name": "NaN", "kind": "comprehensive",
                                                     "community": "320102002002", "gridWorkers": ["wang.fang"]},
                   "geometry": {"type": "Polygon", "coordinates": [[[NaN, 32.05], [118.83, 32.05], [118.83, 32.06], [118.82, 32.05]]]}},
                  {"type": "Feature", "properties": {"code": "320102002002002", "name": "文本", "kind": "comprehensive",
                                                     "community": "320102002002", "gridWorkers": ["wang.fang"]},
                   "geometry": {"type": "Polygon", "coordinates": [[["118.83", 32.05], [118.84, 1e999], [118.84, 32.06], [118.83, 32.05]]]}}
                ]}""");
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey).containsExactly(
                tuple(0, "geo.import.positionOutOfRange"), tuple(0, "geo.import.positionOutOfRange"),
                tuple(0, "geo.import.positionOutOfRange"), tuple(0, "geo.import.morePositionProblems"),
                tuple(1, "geo.import.positionOutOfRange"),
                tuple(2, "geo.import.positionNotNumbers"), tuple(2, "geo.import.positionOutOfRange"));
        assertThat(check.problems().get(0).args()).containsExactly("coordinates[0][0]", "32.05", "118.82");
        assertThat(check.problems().get(4).args()).containsExactly("coordinates[0][0]", "NaN", "32.05");
        assertThat(check.problems().get(6).args()).containsExactly("coordinates[0][1]", "118.84", "Infinity");
        assertThat(check.hasErrors()).isTrue();
    }

    @Test
    void ringsMustBeClosedAndHaveFourPositions() {
        ObjectNode open = feature(geometry("Polygon", "[[[118.82, 32.05], [118.84, 32.05], [118.84, 32.06], [118.82, 32.06]]]"));
        open.withObject("properties").put("code", NEW).put("kind", "community").put("name", "开口");
        ObjectNode shortRing = feature(geometry("Polygon", "[[[118.82, 32.05], [118.84, 32.05], [118.82, 32.05]]]"));
        shortRing.withObject("properties").put("code", NEW + "001").put("kind", "comprehensive").put("name", "短")
                .put("community", NEW).putArray("gridWorkers").add("wang.fang");
        var check = check(collection(open, shortRing));
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey).containsExactly(
                tuple(0, "geo.import.ringNotClosed"), tuple(1, "geo.import.ringTooShort"));
        assertThat(check.problems().get(1).args()).containsExactly("coordinates[0]", "3");
    }

    @Test
    void selfIntersectingRingsAreReportedWithTheReasonAndWhere() {
        ObjectNode bowTie = community(NEW, "蝴蝶结", new double[][]{
                {118.82, 32.05}, {118.84, 32.06}, {118.84, 32.05}, {118.82, 32.06}, {118.82, 32.05}});
        var check = check(collection(bowTie));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).startsWith("geo.import.invalid.").contains("elfIntersection");
            assertThat(p.feature()).isZero();
            assertThat(p.at().lon()).isCloseTo(118.83, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p.at().lat()).isCloseTo(32.055, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p.args()).startsWith("118.8300000", "32.0550000");
        });
    }

    @Test
    void holesOutsideTheirShellAreInvalid() {
        ObjectNode feature = feature(polygon(box(118.82, 32.05, 118.84, 32.06), box(118.90, 32.05, 118.91, 32.06)));
        feature.withObject("properties").put("code", NEW).put("kind", "community").put("name", "外洞");
        assertThat(keys(check(collection(feature)))).containsExactly("geo.import.invalid.holeOutsideShell");
    }

    @Test
    void gridsOfAnUnknownCommunityAreRejected() {
        String nowhere = "320102002009";
        var check = check(collection(comprehensive(nowhere + "001", nowhere, box(118.82, 32.05, 118.83, 32.06), "wang.fang")));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.unknownCommunity");
            assertThat(p.args()).containsExactly(nowhere);
        });
    }

    @Test
    void aCommunityUnderAnUnknownStreetIsRejected() {
        var check = check(collection(community("320102099001", "无街道社区", box(118.82, 32.05, 118.84, 32.06))));
        assertThat(keys(check)).containsExactly("geo.import.unknownStreet", "geo.import.gap"); // and it has no grids
    }

    @Test
    void gridCodesMustBeWellFormedAndUnderTheirCommunity() {
        ObjectNode file = tiledCommunity();
        var features = (tools.jackson.databind.node.ArrayNode) file.get("features");
        features.add(comprehensive(FILED + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang"));
        features.add(comprehensive("32010200200200", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang"));
        features.add(comprehensive(NEW + "000", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang"));
        features.add(comprehensive(NEW + "004", "320102002000", box(118.82, 32.05, 118.83, 32.06), "wang.fang"));
        var check = check(file);
        assertThat(check.problems()).filteredOn(p -> p.feature() >= 4)
                .extracting(ImportProblem::feature, ImportProblem::messageKey).contains(
                        tuple(4, "geo.import.codeNotUnderCommunity"), tuple(5, "geo.import.badGridCode"),
                        tuple(6, "geo.import.badGridCode"), tuple(7, "geo.import.badCommunityCode"));
    }

    @Test
    void duplicateCodesInTheFileNameTheFirstOccurrence() {
        ObjectNode file = tiledCommunity();
        ((tools.jackson.databind.node.ArrayNode) file.get("features"))
                .add(comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang"));
        var check = check(file);
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.duplicateCode");
            assertThat(p.feature()).isEqualTo(4);
            assertThat(p.args()).containsExactly(NEW + "001", "1");
        });
    }

    @Test
    void overlappingComprehensiveGridsAreNamedWithTheOverlapArea() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.831, 32.06), "wang.fang"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.06), "zhao.min")));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.overlap");
            assertThat(p.feature()).isEqualTo(2);
            assertThat(p.args().subList(0, 4)).containsExactly(NEW + "002", "网格002", NEW + "001", "网格001");
            double expected = EqualAreaProjectionTests.quadrangle(118.83, 32.05, 118.831, 32.06); // about 105,000 m²
            assertThat(Double.parseDouble(p.args().get(4))).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
            assertThat(p.at().lon()).isBetween(118.83, 118.831);
        });
    }

    @Test
    void overlapsBetweenDedicatedAndComprehensiveGridsAreAllowed() {
        assertThat(check(tiledCommunity()).problems()).isEmpty();
    }

    @Test
    void gapsAgainstTheCommunityBoundaryAreReportedWithAreaAndASamplePoint() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.058), "zhao.min")));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.gap");
            assertThat(p.feature()).isZero();
            assertThat(p.code()).isEqualTo(NEW);
            double expected = EqualAreaProjectionTests.quadrangle(118.83, 32.058, 118.84, 32.06);
            assertThat(Double.parseDouble(p.args().get(1))).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
            assertThat(p.at().lon()).isBetween(118.83, 118.84);
            assertThat(p.at().lat()).isBetween(32.058, 32.06);
        });
    }

    @Test
    void theStoredBoundaryIsUsedWhenTheFileHasNoCommunityFeature() {
        var check = check(collection(
                comprehensive(FILED + "001", FILED, box(118.80, 32.05, 118.805, 32.06), "wang.fang")));
        assertThat(keys(check)).containsExactly("geo.import.gap");
        assertThat(check.problems().getFirst().feature()).isNull();
        assertThat(check.problems().getFirst().at().lon()).isBetween(118.805, 118.81);
    }

    @Test
    void withoutAnyBoundaryHolesInTheUnionAreGaps() {
        ObjectNode[] ring = new ObjectNode[8];
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i == 1 && j == 1) {
                    continue;
                }
                double w = 118.82 + i * 0.01, s = 32.05 + j * 0.01;
                ring[k] = comprehensive(BARE + String.format("%03d", ++k), BARE, box(w, s, w + 0.01, s + 0.01), "wang.fang");
            }
        }
        var check = check(collection(ring));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.hole");
            assertThat(p.code()).isEqualTo(BARE);
            assertThat(p.at().lon()).isBetween(118.83, 118.84);
            assertThat(p.at().lat()).isBetween(32.06, 32.07);
        });
    }

    @Test
    void gapsAndOverlapsBelowOneSquareMetreAreIgnored() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.830000004, 32.06), "wang.fang"),
                comprehensive(NEW + "002", NEW, box(118.830000002, 32.05, 118.84, 32.06), "zhao.min"),
                comprehensive(NEW + "003", NEW, box(118.82, 32.0599999999, 118.84, 32.06), "zhao.min")));
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void comprehensiveGridsBeyondTheCommunityBoundaryAreErrorsDedicatedOnesWarnings() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.061), "wang.fang"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.06), "zhao.min"),
                dedicated(NEW + "901", NEW, "PARK", box(118.835, 32.055, 118.845, 32.058))));
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey, ImportProblem::severity)
                .containsExactly(tuple(1, "geo.import.outsideCommunity", ImportProblem.Severity.ERROR),
                        tuple(3, "geo.import.dedicatedOutsideCommunity", ImportProblem.Severity.WARNING));
    }

    @Test
    void everyComprehensiveGridNeedsAFullTimeWorker() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "li.lei"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.06)),
                dedicated(NEW + "901", NEW, "SCHOOL", box(118.825, 32.052, 118.835, 32.058))));
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey).containsExactly(
                tuple(1, "geo.import.noFullTimeWorker"), tuple(2, "geo.import.noFullTimeWorker"));
        assertThat(check.problems().getFirst().args()).containsExactly(NEW + "001", "li.lei");
    }

    @Test
    void unknownUsernamesAreUnknownGridWorkers() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.84, 32.06), "nobody")));
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("geo.import.unknownWorker");
            assertThat(p.args()).containsExactly("nobody");
        });
    }

    @Test
    void withoutAGridWorkerDirectoryEveryUsernameIsUnknown() {
        ImportValidator.Reference noDirectory = new Territory() {
            @Override
            public Map<String, GridWorker> workers(Collection<String> usernames) {
                return Map.of();
            }
        };
        var check = ImportValidator.check(GeoJsonFeatures.parse(bytes(tiledCommunity()), CoordinateSystem.WGS84), noDirectory, XUANWU);
        assertThat(keys(check)).containsExactly("geo.import.unknownWorker", "geo.import.unknownWorker", "geo.import.unknownWorker");
    }

    @Test
    void communitiesOutsideTheImportersScopeAreRefused() {
        var check = check(bytes(tiledCommunity()), new DataScope(false, Set.of("320102003"), Set.of()));
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey).containsExactly(
                tuple(0, "geo.import.outsideScope"), tuple(1, "geo.import.outsideScope"),
                tuple(2, "geo.import.outsideScope"), tuple(3, "geo.import.outsideScope"));
    }

    @Test
    void missingAndWrongPropertiesAreEachReported() {
        ObjectNode noName = comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.83, 32.06), "wang.fang");
        noName.withObject("properties").remove("name");
        ObjectNode badKind = comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.06), "wang.fang");
        badKind.withObject("properties").put("kind", "special");
        ObjectNode badCount = comprehensive(NEW + "003", NEW, box(118.83, 32.05, 118.84, 32.06), "wang.fang");
        badCount.withObject("properties").put("households", -3).put("population", "many");
        ObjectNode noType = dedicated(NEW + "901", NEW, null, box(118.825, 32.052, 118.835, 32.058));
        ObjectNode badType = dedicated(NEW + "902", NEW, "SPACEPORT", box(118.825, 32.052, 118.835, 32.058));
        ObjectNode badWorkers = comprehensive(NEW + "004", NEW, box(118.83, 32.05, 118.84, 32.06));
        badWorkers.withObject("properties").put("gridWorkers", "wang.fang");
        var check = check(collection(noName, badKind, badCount, noType, badType, badWorkers));
        assertThat(check.problems()).extracting(ImportProblem::feature, ImportProblem::messageKey).contains(
                tuple(0, "geo.import.missingProperty"), tuple(1, "geo.import.unknownKind"),
                tuple(2, "geo.import.badCount"), tuple(3, "geo.import.missingProperty"),
                tuple(4, "geo.import.unknownDedicatedType"), tuple(5, "geo.import.badWorkers"));
        assertThat(check.problems().stream().filter(p -> p.feature() == 2).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyProblemOfTheFileIsReportedNotJustTheFirst() {
        var check = check(collection(
                community(NEW, "新建社区", box(118.82, 32.05, 118.84, 32.06)),
                comprehensive(NEW + "001", NEW, box(118.82, 32.05, 118.831, 32.06), "nobody"),
                comprehensive(NEW + "002", NEW, box(118.83, 32.05, 118.84, 32.058), "li.lei"),
                feature(geometry("LineString", "[[118.8, 32.0], [118.9, 32.1]]"))));
        assertThat(keys(check)).contains("geo.import.unknownWorker", "geo.import.overlap", "geo.import.gap",
                "geo.import.noFullTimeWorker", "geo.import.wrongGeometryType", "geo.import.missingProperty");
        assertThat(check.problems()).extracting(ImportProblem::feature).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    }

    @Test
    void coordinatesDrawnOnAmapAreConvertedFromGcj02() {
        LonLat wgs = new LonLat(118.82, 32.05);
        LonLat gcj = CoordinateSystem.GCJ02.fromWgs84(wgs);
        ObjectNode file = collection(community(NEW, "高德社区", box(gcj.lon(), gcj.lat(), gcj.lon() + 0.02, gcj.lat() + 0.01)));
        ParsedFile parsed = GeoJsonFeatures.parse(bytes(file), CoordinateSystem.GCJ02);
        var corner = parsed.features().getFirst().geometry().getCoordinates()[0];
        assertThat(corner.x).isCloseTo(118.82, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(corner.y).isCloseTo(32.05, org.assertj.core.data.Offset.offset(1e-7));
    }

    private static ObjectNode geometry(String type, String coordinates) {
        ObjectNode geometry = org.yiwang.geo.GeoJsonFixtures.JSON.createObjectNode();
        geometry.put("type", type);
        geometry.set("coordinates", org.yiwang.geo.GeoJsonFixtures.JSON.readTree(coordinates));
        return geometry;
    }
}
