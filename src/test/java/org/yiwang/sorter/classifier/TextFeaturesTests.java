package org.yiwang.sorter.classifier;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTests {

    final TextFeatures features = new TextFeatures(FeatureSettings.defaults());

    @Test
    void fullWidthFormsLowerCaseAndDigitsAreFoldedAndPunctuationSeparates() {
        assertThat(features.normalize("ＡＢＣ井盖，２０２６年")).isEqualTo("abc井盖 0000年");
    }

    @Test
    void characterNgramsStopAtPunctuationAndAreCounted() {
        Map<String, Integer> counts = features.extract("井盖坏了。井盖");
        assertThat(counts).containsEntry("c井盖", 2).containsEntry("c井", 2).containsEntry("c井盖坏", 1);
        assertThat(counts.keySet()).noneMatch(f -> f.startsWith("c") && f.contains(" "));
        assertThat(counts).doesNotContainKey("c了井");
    }

    @Test
    void theSegmenterFindsWordsAndNeighbouringPairs() {
        assertThat(TextFeatures.segment("小区门口的污水井盖破了")).contains("小区", "门口", "污水");
        Map<String, Integer> counts = features.extract("小区门口的污水井盖破了");
        assertThat(counts).containsKey("w污水").containsKey("b小区_门口");
        assertThat(counts).doesNotContainKey("w的"); // one-character words are already character unigrams
    }

    @Test
    void theLeadIsTheTitleOrFirstClause() {
        assertThat(TextFeatures.lead("教师工资没加上 尊敬的局长：我们……", 40)).isEqualTo("教师工资没加上");
        assertThat(TextFeatures.lead("井盖坏了！请快修", 40)).isEqualTo("井盖坏了");
        assertThat(TextFeatures.lead("一二三四五六", 4)).isEqualTo("一二三四");
        assertThat(features.extract("井盖坏了！请快修")).containsKey("t井盖");
    }

    @Test
    void featuresDisplayAsTheirText() {
        assertThat(TextFeatures.display("c井盖")).isEqualTo("井盖");
        assertThat(TextFeatures.display("b污水_井盖")).isEqualTo("污水井盖");
    }

    @Test
    void emptyAndMissingTextGiveNoFeatures() {
        assertThat(features.extract("")).isEmpty();
        assertThat(features.extract(null)).isEmpty();
        assertThat(features.extract("，。！")).isEmpty();
    }
}
