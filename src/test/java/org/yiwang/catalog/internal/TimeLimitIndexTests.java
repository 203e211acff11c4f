package org.yiwang.catalog.internal;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.ResolvedTimeLimit;
import org.yiwang.catalog.SetTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.Urgency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeLimitIndexTests {

    static final Category UNLICENSED_FOOD = category("M09015", CategoryKind.MATTER);
    static final Category PARKING = category("M09009", CategoryKind.MATTER);
    static final Category RUBBISH = category("M06010", CategoryKind.MATTER);

    static Category category(String code, CategoryKind kind) {
        return new Category(code, kind, code.substring(0, 3), "名称" + code, null, List.of(), null, false, true);
    }

    static TimeLimitRule rule(long id, String scope, Urgency urgency, Stage stage, TimeLimit limit) {
        return new TimeLimitRule(id, scope, urgency, stage, limit, null, "test", Instant.EPOCH);
    }

    final TimeLimitIndex index = new TimeLimitIndex(List.of(
            rule(1, "*", Urgency.NORMAL, Stage.HANDLE, TimeLimit.workingDays(3)),
            rule(2, "M09", Urgency.NORMAL, Stage.HANDLE, TimeLimit.workingHours(4)),
            rule(3, "M09009", Urgency.NORMAL, Stage.HANDLE, TimeLimit.workingHours(2)),
            rule(4, "*", Urgency.CRITICAL, Stage.HANDLE, TimeLimit.minutes(60))));

    @Test
    void aCategoryRowBeatsItsMajorClassRow() {
        ResolvedTimeLimit resolved = index.resolve(PARKING, Urgency.NORMAL, Stage.HANDLE).orElseThrow();
        assertThat(resolved.limit()).isEqualTo(TimeLimit.workingHours(2));
        assertThat(resolved.rule().id()).isEqualTo(3);
        assertThat(resolved.matchedBy()).isEqualTo(TimeLimitRule.Specificity.CATEGORY);
    }

    @Test
    void aMajorClassRowBeatsTheDefault() {
        ResolvedTimeLimit resolved = index.resolve(UNLICENSED_FOOD, Urgency.NORMAL, Stage.HANDLE).orElseThrow();
        assertThat(resolved.limit()).isEqualTo(TimeLimit.workingHours(4));
        assertThat(resolved.matchedBy()).isEqualTo(TimeLimitRule.Specificity.MAJOR_CLASS);
        assertThat(resolved.explanation()).contains("rule 2").contains("TL-M09-NORMAL-HANDLE").contains("major class");
    }

    @Test
    void theDefaultAppliesWhenNothingMoreSpecificExists() {
        assertThat(index.resolve(RUBBISH, Urgency.NORMAL, Stage.HANDLE).orElseThrow().rule().id()).isEqualTo(1);
        assertThat(index.resolve(PARKING, Urgency.CRITICAL, Stage.HANDLE).orElseThrow().limit()).isEqualTo(TimeLimit.minutes(60));
    }

    @Test
    void urgencyAndStageMustMatchExactly() {
        assertThat(index.resolve(PARKING, Urgency.URGENT, Stage.HANDLE)).isEmpty();
        assertThat(index.resolve(PARKING, Urgency.NORMAL, Stage.VERIFY)).isEmpty();
    }

    @Test
    void twoRowsForTheSameScopeAreRefused() {
        assertThatThrownBy(() -> new TimeLimitIndex(List.of(rule(1, "*", Urgency.NORMAL, Stage.HANDLE, TimeLimit.workingDays(3)),
                rule(2, "*", Urgency.NORMAL, Stage.HANDLE, TimeLimit.workingDays(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedDefaultsResolveEveryUrgencyAndStageForEveryCategory() {
        List<TimeLimitRule> rules = new ArrayList<>();
        long id = 1;
        for (SetTimeLimit row : ShippedData.timeLimits()) {
            rules.add(rule(id++, row.scope(), row.urgency(), row.stage(), row.limit()));
        }
        TimeLimitIndex shipped = new TimeLimitIndex(rules);
        List<Category> categories = ShippedData.categories();
        for (Category category : categories) {
            for (Urgency urgency : Urgency.values()) {
                for (Stage stage : Stage.values()) {
                    assertThat(shipped.resolve(category, urgency, stage)).as(category.code() + " " + urgency + " " + stage).isPresent();
                }
            }
        }
        Map<String, Category> byCode = categories.stream().collect(Collectors.toMap(Category::code, Function.identity()));
        assertThat(shipped.resolve(byCode.get("M09015"), Urgency.NORMAL, Stage.HANDLE).orElseThrow().limit()).isEqualTo(TimeLimit.workingHours(4));
        assertThat(shipped.resolve(byCode.get("M06010"), Urgency.NORMAL, Stage.REGISTER).orElseThrow().limit()).isEqualTo(TimeLimit.minutes(30));
        assertThat(shipped.resolve(byCode.get("C01001"), Urgency.NORMAL, Stage.HANDLE).orElseThrow().limit()).isEqualTo(TimeLimit.workingDays(1));
        assertThat(shipped.resolve(byCode.get("C01030"), Urgency.NORMAL, Stage.HANDLE).orElseThrow().limit()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(shipped.resolve(byCode.get("M06028"), Urgency.URGENT, Stage.HANDLE).orElseThrow().limit().unit()).isEqualTo(LimitUnit.WORKING_HOURS);
        assertThat(shipped.resolve(byCode.get("M06028"), Urgency.CRITICAL, Stage.HANDLE).orElseThrow().limit()).isEqualTo(TimeLimit.minutes(60));
        assertThat(shipped.resolve(byCode.get("M06028"), Urgency.NORMAL, Stage.VERIFY).orElseThrow().limit()).isEqualTo(TimeLimit.workingDays(1));
    }
}
