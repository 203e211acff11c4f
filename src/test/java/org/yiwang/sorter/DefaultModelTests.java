package org.yiwang.sorter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.yiwang.people.DepartmentType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default model: built by {@code sorter build-default}, loaded as the application loads it, and its sectors
 * mapped to department types and categories by the shipped {@code sorter/sectors.csv}.
 */
class DefaultModelTests {

    static final String SECTORS = "classpath:sorter/sectors.csv";
    static final List<String> DEV_SET_SECTORS = List.of("城乡建设", "劳动和社会保障", "教育文体", "商贸旅游", "环境保护", "卫生计生", "交通运输");

    static DefaultModel.Loaded built(Path dir, String train) {
        Path model = dir.resolve("default-model.bin");
        SorterCommandTests.Run run = SorterCommandTests.run("sorter", "build-default", "--train", train, "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return DefaultModel.load("file:" + model, SECTORS, new DefaultResourceLoader()).orElseThrow();
    }

    @Test
    void aStreetLightComplaintGoesToUrbanAndRuralConstructionAndItsDepartmentType(@TempDir Path dir) {
        DefaultModel.Loaded model = built(dir, SorterCommandTests.resource("sectors-train.jsonl"));

        List<DefaultModel.SectorSuggestion> light = model.suggest("我家楼下的路灯坏了一个多月了，晚上走路黑漆漆的，希望有关部门尽快来修", 3, 3, c -> true);
        assertThat(light.getFirst().sector().name()).isEqualTo("城乡建设");
        assertThat(light.getFirst().sector().departmentType()).isEqualTo(DepartmentType.HOUSING_CONSTRUCTION);
        assertThat(light.getFirst().sector().defaultCategory()).isEqualTo("L01002");
        assertThat(light).hasSize(3);
        assertThat(light.getFirst().confidence()).isGreaterThan(light.get(1).confidence());

        assertThat(model.suggest("公司已经两个月没有发工资了，老板说没钱，我们工人怎么办", 1, 3, c -> true).getFirst().sector().name())
                .isEqualTo("劳动和社会保障");
        assertThat(model.suggest("公交车太少了，早上上班高峰等半小时都等不到车", 1, 3, c -> true).getFirst().sector().departmentType())
                .isEqualTo(DepartmentType.TRANSPORT);
        assertThat(model.suggest("化工厂晚上排放的废气很臭，附近居民晚上都不敢开窗", 1, 3, c -> true).getFirst().sector().departmentType())
                .isEqualTo(DepartmentType.ECOLOGY_ENVIRONMENT);
    }

    @Test
    void aSectorWhoseCategoryIsNotAllowedIsNotSuggested(@TempDir Path dir) {
        DefaultModel.Loaded model = built(dir, SorterCommandTests.resource("sectors-train.jsonl"));
        List<DefaultModel.SectorSuggestion> light = model.suggest("楼下的路灯坏了，晚上一片漆黑", 7, 3, c -> !c.equals("L01002"));
        assertThat(light).extracting(s -> s.sector().name()).doesNotContain("城乡建设").isNotEmpty();
    }

    @Test
    void withoutAModelFileThereIsNoDefaultModel(@TempDir Path dir) {
        assertThat(DefaultModel.load("file:" + dir.resolve("absent.bin"), SECTORS, new DefaultResourceLoader())).isEmpty();
        assertThat(DefaultModel.load(" ", SECTORS, new DefaultResourceLoader())).isEmpty();
    }

    @Test
    void theShippedMappingCoversEverySectorWithACategoryOfTheShippedCatalog() throws IOException {
        Map<String, DefaultModel.Sector> sectors = DefaultModel.sectors(new ClassPathResource("sorter/sectors.csv"));
        assertThat(sectors.keySet()).containsExactlyInAnyOrderElementsOf(DEV_SET_SECTORS);
        Set<String> codes = new HashSet<>();
        try (InputStream in = new ClassPathResource("catalog/local-categories.csv").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.startsWith("#") && !line.startsWith("code,") && !line.isBlank()) {
                    codes.add(line.substring(0, line.indexOf(',')));
                }
            }
        }
        assertThat(sectors.values()).allSatisfy(s -> assertThat(codes).as(s.name()).contains(s.defaultCategory()));
    }

    @Test
    void buildingTwiceFromTheSameFileGivesTheSameBytes(@TempDir Path dir) throws IOException {
        String train = SorterCommandTests.resource("sectors-train.jsonl");
        Path first = dir.resolve("a.bin");
        Path second = dir.resolve("b.bin");
        assertThat(SorterCommandTests.run("sorter", "build-default", "--train", train, "--out", first.toString()).exit()).isZero();
        assertThat(SorterCommandTests.run("sorter", "build-default", "--train", train, "--out", second.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    /**
     * On the development set of real citizen messages (never committed: see README), run with
     * {@code -Dsorter.dev=/path/to/sorter-dev.jsonl}.
     */
    @Test
    @EnabledIfSystemProperty(named = "sorter.dev", matches = ".+")
    void theModelBuiltFromTheDevelopmentSetSuggestsPlausibleSectors(@TempDir Path dir) {
        DefaultModel.Loaded model = built(dir, System.getProperty("sorter.dev"));
        // a complaint about too few buses goes to 城乡建设 (0.84) in this set, where 交通运输 has the lowest recall
        Map<String, String> expected = Map.of(
                "我家楼下的路灯坏了一个多月了，晚上走路黑漆漆的，希望有关部门尽快来修", "城乡建设",
                "公司已经两个月没有发工资了，老板说没钱，我们工人怎么办", "劳动和社会保障",
                "超市卖过期食品，投诉没人管", "商贸旅游",
                "医院挂号太难了，排队一上午", "卫生计生",
                "化工厂晚上排放的废气很臭，附近居民晚上都不敢开窗", "环境保护",
                "孩子今年上小学，学区划分不合理，家门口的学校不能上", "教育文体");
        expected.forEach((text, sector) -> assertThat(model.suggest(text, 1, 3, c -> true).getFirst().sector().name())
                .as(text).isEqualTo(sector));
        assertThat(Optional.of(model.classifier().labels())).get().asList().containsExactlyInAnyOrderElementsOf(DEV_SET_SECTORS);
    }
}
