package org.yiwang.sorter;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.workorder.CategorySuggester.Suggestion;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordModelTests {

    static Category category(String code, String name, List<String> keywords, boolean enabled) {
        CategoryKind kind = switch (code.charAt(0)) {
            case 'C' -> CategoryKind.COMPONENT;
            case 'M' -> CategoryKind.MATTER;
            default -> CategoryKind.LOCAL;
        };
        return new Category(code, kind, code.substring(0, 3), name, null, keywords, null, false, enabled);
    }

    final KeywordModel model = new KeywordModel(List.of(
            category("C01001", "供水井盖", List.of("井盖", "窨井盖"), true),
            category("C01002", "污水井盖", List.of("井盖", "窨井盖"), true),
            category("M06028", "噪声扰民", List.of("噪音", "噪声", "太吵"), true),
            category("M09006", "占道经营", List.of("摆摊", "地摊"), true),
            category("M09001", "无照经营游商", List.of("游商"), false)), 0.8);

    @Test
    void theNameBeatsAKeywordThatManyCategoriesShare() {
        List<Suggestion> top = model.suggest("小区门口的污水井盖坏了", 3);
        assertThat(top).extracting(Suggestion::categoryCode).startsWith("C01002");
        assertThat(top.getFirst().evidence()).containsExactly("污水井盖");
        assertThat(top.getFirst().confidence()).isGreaterThan(top.get(1).confidence());
    }

    @Test
    void confidenceNeverReachesTheCapAndUnmatchedTextGetsNothing() {
        assertThat(model.suggest("楼下太吵了，噪音很大，天天噪声", 3)).allMatch(s -> s.confidence() < 0.8)
                .extracting(Suggestion::categoryCode).containsExactly("M06028");
        assertThat(model.suggest("今天天气很好", 3)).isEmpty();
    }

    @Test
    void disabledCategoriesAreNotSuggested() {
        assertThat(model.suggest("有游商在路边", 3)).isEmpty();
        assertThat(model.size()).isEqualTo(4);
    }
}
