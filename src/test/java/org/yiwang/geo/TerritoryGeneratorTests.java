package org.yiwang.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.yiwang.geo.internal.EqualAreaProjection;
import org.yiwang.geo.internal.GeoJsonFeatures;
import org.yiwang.geo.internal.GeoJsonWriter;
import org.yiwang.geo.internal.ImportValidator;
import org.yiwang.platform.DataScope;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerritoryGeneratorTests {

    static final Territory DEMO = TerritoryGenerator.demo();

    @Test
    void demoTerritoryIsQinhuaiWithItsTwelveRealStreets() {
        assertThat(DEMO.district().code()).isEqualTo("320104");
        assertThat(DEMO.district().name()).isEqualTo("秦淮区");
        assertThat(DEMO.streets()).extracting(Division::code)
                .containsExactly("320104001", "320104002", "320104003", "320104004", "320104005", "320104006",
                        "320104007", "320104008", "320104009", "320104010", "320104011", "320104012");
        assertThat(DEMO.streets()).extracting(Division::name).contains("夫子庙街道", "红花街道", "朝天宫街道");
    }

    @Test
    void demoTerritoryHasAtLeastAThousandGridsAndFourToEightCommunitiesPerStreet() {
        assertThat(DEMO.grids()).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(DEMO.comprehensiveGrids()).hasSizeGreaterThanOrEqualTo(TerritoryGenerator.DEMO_GRIDS);
        assertThat(DEMO.dedicatedGrids()).hasSizeBetween(20, 80);
        Map<String, Long> perStreet = DEMO.communities().stream()
                .collect(Collectors.groupingBy(c -> c.division().parentCode(), Collectors.counting()));
        assertThat(perStreet).hasSize(12);
        assertThat(perStreet.values()).allSatisfy(n -> assertThat(n).isBetween(4L, 8L));
        assertThat(DEMO.communities()).allSatisfy(c -> assertThat(c.division().name()).endsWith("社区"));
        assertThat(DEMO.communities().stream().map(c -> c.division().name()).distinct()).hasSize(DEMO.communities().size());
    }

    @Test
    void demoTerritoryCoversTheDistrictsRealExtent() {
        var bounds = DEMO.bounds();
        assertThat(bounds.getMinX()).isBetween(118.755, 118.765);
        assertThat(bounds.getMaxX()).isBetween(118.835, 118.845);
        assertThat(bounds.getMinY()).isBetween(31.985, 31.995);
        assertThat(bounds.getMaxY()).isBetween(32.055, 32.065);
    }

    @Test
    void gridCodesAreFifteenCharactersUnderTheirCommunityAndUnique() {
        Set<String> communities = DEMO.communities().stream().map(Territory.Community::code).collect(Collectors.toSet());
        assertThat(DEMO.communities()).allSatisfy(c -> {
            assertThat(DivisionLevel.COMMUNITY.accepts(c.code())).isTrue();
            assertThat(c.code()).startsWith(c.division().parentCode());
        });
        assertThat(DEMO.grids()).allSatisfy(g -> {
            assertThat(GridCode.isValid(g.code())).as(g.code()).isTrue();
            assertThat(new GridCode(g.code()).communityCode()).isEqualTo(g.communityCode());
            assertThat(communities).contains(g.communityCode());
            assertThat(g.geometry().isValid()).isTrue();
            assertThat(g.kind() == GridKind.DEDICATED).isEqualTo(g.dedicatedType() != null);
        });
        assertThat(DEMO.grids().stream().map(Territory.GeneratedGrid::code).distinct()).hasSize(DEMO.grids().size());
    }

    @Test
    void comprehensiveGridsHaveAboutThreeHundredHouseholds() {
        assertThat(DEMO.comprehensiveGrids()).allSatisfy(g -> {
            assertThat(g.households()).isBetween(260, 340);
            assertThat(g.population()).isBetween(g.households() * 2, g.households() * 3);
            assertThat(g.name()).startsWith(DEMO.communities().stream()
                    .filter(c -> c.code().equals(g.communityCode())).findFirst().orElseThrow().division().name());
        });
    }

    @Test
    void comprehensiveGridsTileEachCommunityExactlyWithoutGapsOrOverlaps() {
        Map<String, List<Territory.GeneratedGrid>> byCommunity = DEMO.comprehensiveGrids().stream()
                .collect(Collectors.groupingBy(Territory.GeneratedGrid::communityCode));
        for (Territory.Community community : DEMO.communities()) {
            List<Geometry> grids = byCommunity.get(community.code()).stream().map(g -> (Geometry) g.geometry()).toList();
            Geometry union = UnaryUnionOp.union(grids);
            double boundary = EqualAreaProjection.squareMetres(community.boundary());
            double sum = grids.stream().mapToDouble(EqualAreaProjection::squareMetres).sum();
            assertThat(EqualAreaProjection.squareMetres(community.boundary().symDifference(union)))
                    .as("gaps or spill-over in %s", community.code()).isLessThan(0.01);
            assertThat(sum).as("overlaps in %s", community.code()).isCloseTo(boundary, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void noTwoComprehensiveGridsOverlapAnywhere() {
        List<Territory.GeneratedGrid> grids = DEMO.comprehensiveGrids();
        STRtree tree = new STRtree();
        grids.forEach(g -> tree.insert(g.geometry().getEnvelopeInternal(), g));
        List<String> overlaps = new ArrayList<>();
        for (Territory.GeneratedGrid a : grids) {
            for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
                Territory.GeneratedGrid b = (Territory.GeneratedGrid) o;
                if (a.code().compareTo(b.code()) < 0
                        && EqualAreaProjection.squareMetres(a.geometry().intersection(b.geometry())) > 0.01) {
                    overlaps.add(a.code() + "/" + b.code());
                }
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void streetsTileTheDistrictExactly() {
        Geometry all = UnaryUnionOp.union(DEMO.communities().stream().map(c -> (Geometry) c.boundary()).toList());
        Geometry box = all.getEnvelope();
        assertThat(EqualAreaProjection.squareMetres(box.difference(all))).isLessThan(1.0);
        double sum = DEMO.communities().stream().mapToDouble(c -> EqualAreaProjection.squareMetres(c.boundary())).sum();
        assertThat(sum).isCloseTo(EqualAreaProjection.squareMetres(all), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void dedicatedGridsLieInsideTheirCommunityAndOverlapComprehensiveGrids() {
        Map<String, Territory.Community> communities = DEMO.communities().stream()
                .collect(Collectors.toMap(Territory.Community::code, c -> c));
        Set<DedicatedType> types = new HashSet<>();
        for (Territory.GeneratedGrid dedicated : DEMO.dedicatedGrids()) {
            types.add(dedicated.dedicatedType());
            assertThat(communities.get(dedicated.communityCode()).boundary().covers(dedicated.geometry())).isTrue();
            assertThat(DEMO.comprehensiveGrids().stream().anyMatch(g -> g.geometry().intersects(dedicated.geometry()))).isTrue();
        }
        assertThat(types).contains(DedicatedType.ENTERPRISE, DedicatedType.SCHOOL, DedicatedType.PARK);
    }

    @Test
    void sameSeedGivesTheSameTerritory() {
        Territory again = TerritoryGenerator.demo();
        assertThat(again.grids()).hasSameSizeAs(DEMO.grids());
        for (int i = 0; i < DEMO.grids().size(); i++) {
            Territory.GeneratedGrid a = DEMO.grids().get(i);
            Territory.GeneratedGrid b = again.grids().get(i);
            assertThat(b.code()).isEqualTo(a.code());
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.geometry().equalsExact(a.geometry())).isTrue();
        }
        Territory other = new TerritoryGenerator(7).generate(TerritoryGenerator.DEMO_GRIDS);
        assertThat(other.grids().getFirst().geometry().equalsExact(DEMO.grids().getFirst().geometry())).isFalse();
    }

    @Test
    void largeTerritoryKeepsGridSizeAndValidCodes() {
        Territory large = new TerritoryGenerator(1).generate(50_000);
        assertThat(large.comprehensiveGrids()).hasSizeGreaterThanOrEqualTo(50_000).hasSizeLessThan(53_000);
        assertThat(large.grids()).allSatisfy(g -> assertThat(GridCode.isValid(g.code())).isTrue());
        assertThat(large.grids().stream().map(Territory.GeneratedGrid::code).distinct()).hasSize(large.grids().size());
        double demoMedian = medianArea(DEMO);
        assertThat(medianArea(large)).isBetween(demoMedian * 0.7, demoMedian * 1.3);
    }

    @Test
    void theDemoTerritoryPassesEveryImportCheck() {
        ObjectNode file = GeoJsonFixtures.JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = file.putArray("features");
        for (Territory.Community c : DEMO.communities()) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.putObject("properties").put("code", c.code()).put("name", c.division().name()).put("kind", "community");
            feature.set("geometry", GeoJsonFixtures.JSON.valueToTree(GeoJsonWriter.toMap(c.boundary())));
        }
        for (Territory.GeneratedGrid g : DEMO.grids()) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ObjectNode properties = feature.putObject("properties").put("code", g.code()).put("name", g.name())
                    .put("kind", g.kind().id()).put("community", g.communityCode())
                    .put("households", g.households()).put("population", g.population());
            if (g.dedicatedType() != null) {
                properties.put("dedicatedType", g.dedicatedType().name());
            }
            properties.putArray("gridWorkers").add("worker");
            feature.set("geometry", GeoJsonFixtures.JSON.valueToTree(GeoJsonWriter.toMap(g.geometry())));
        }
        ImportValidator.Reference territory = new ImportValidator.Reference() {
            @Override
            public Set<String> existingDivisions(Collection<String> codes) {
                return DEMO.streets().stream().map(Division::code).collect(Collectors.toSet());
            }

            @Override
            public Map<String, Geometry> boundaries(Collection<String> communityCodes) {
                return Map.of();
            }

            @Override
            public Map<String, GridWorker> workers(Collection<String> usernames) {
                return Map.of("worker", new GridWorker(1, "worker", "网格员", true));
            }
        };
        var check = ImportValidator.check(GeoJsonFeatures.parse(GeoJsonFixtures.bytes(file), CoordinateSystem.WGS84),
                territory, DataScope.division("320104000000"));
        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().grids()).hasSameSizeAs(DEMO.grids());
    }

    @Test
    void refusesSizesItCannotCode() {
        assertThatThrownBy(() -> new TerritoryGenerator(1).generate(10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double medianArea(Territory territory) {
        double[] areas = territory.comprehensiveGrids().stream().limit(5_000)
                .mapToDouble(g -> EqualAreaProjection.squareMetres(g.geometry())).sorted().toArray();
        return areas[areas.length / 2];
    }
}
