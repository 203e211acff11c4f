package org.yiwang.sorter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DuplicateRulesTests {

    static final SorterProperties.DuplicateRules RULES = new SorterProperties.DuplicateRules(100, Duration.ofHours(72), 0.3, 0.5, 5);
    static final Instant T = Instant.parse("2026-11-23T01:00:00Z");

    static IntakeTraces.Trace at(double lat, double lon, String category, String text) {
        return new IntakeTraces.Trace(1, "YW1", "320104", "320104002", "320104002001001", lat, lon, category, false, text, T, "REPORTED", true);
    }

    @Test
    void theSameProblemReportedTwiceNearbyIsALikelyDuplicate() {
        var newer = at(32.0200, 118.7900, "C01002", "贡院街12号门口井盖缺失，有人差点踩空");
        var older = at(32.0203, 118.7901, "C01002", "贡院街12号井盖缺失了");
        var found = Duplicates.score(newer, older, RULES).orElseThrow();
        assertThat(found.distance()).isBetween(30.0, 40.0);
        assertThat(found.sameCategory()).isTrue();
        assertThat(found.score()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    }

    @Test
    void farApartDifferentMajorClassOrDifferentTextIsNot() {
        var newer = at(32.0200, 118.7900, "C01002", "贡院街12号门口井盖缺失");
        assertThat(Duplicates.score(newer, at(32.0220, 118.7900, "C01002", "贡院街12号门口井盖缺失"), RULES)).isEmpty();
        assertThat(Duplicates.score(newer, at(32.0201, 118.7900, "M09006", "贡院街12号门口井盖缺失"), RULES)).isEmpty();
        assertThat(Duplicates.score(newer, at(32.0201, 118.7900, "C01002", "路灯不亮了"), RULES)).isEmpty();
    }

    @Test
    void aSimilarCategoryOfTheSameMajorClassCountsHalf() {
        var newer = at(32.0200, 118.7900, "C01002", "贡院街12号门口井盖缺失");
        var same = Duplicates.score(newer, at(32.0200, 118.7900, "C01002", "贡院街12号门口井盖缺失"), RULES).orElseThrow();
        var similar = Duplicates.score(newer, at(32.0200, 118.7900, "C01001", "贡院街12号门口井盖缺失"), RULES).orElseThrow();
        assertThat(same.score()).isCloseTo(1.0, within(1e-9));
        assertThat(similar.score()).isCloseTo(1.0 - Duplicates.CATEGORY_WEIGHT / 2, within(1e-9));
    }

    @Test
    void textSimilarityIsTheCosineOfCharacterBigrams() {
        assertThat(TextSimilarity.cosine("井盖缺失", "井盖缺失")).isCloseTo(1.0, within(1e-9));
        assertThat(TextSimilarity.cosine("井盖缺失", "路灯不亮")).isZero();
        assertThat(TextSimilarity.cosine("井盖，缺失！", "井盖缺失")).isCloseTo(1.0, within(1e-9));
        assertThat(TextSimilarity.cosine("", "井盖")).isZero();
        assertThat(TextSimilarity.meters(32.02, 118.79, 32.03, 118.79)).isCloseTo(1112, within(2.0));
    }

    @Test
    void theTopSuggestionIsReadFromTheReportHistory() {
        var report = new org.yiwang.workorder.Transition(org.yiwang.workorder.Action.REPORT, null,
                org.yiwang.workorder.WorkOrderStatus.REPORTED, 1, "r", T, "", List.of(),
                Map.of("suggestions", List.of("C01002 0.930 井盖/破损", "C01001 0.050")));
        assertThat(TrainingHistory.topSuggestion(report)).contains(new TrainingHistory.TopSuggestion("C01002", 0.93));
        var none = new org.yiwang.workorder.Transition(org.yiwang.workorder.Action.REPORT, null,
                org.yiwang.workorder.WorkOrderStatus.REPORTED, 1, "r", T, "", List.of(), Map.of());
        assertThat(TrainingHistory.topSuggestion(none)).isEmpty();
    }
}
