package org.yiwang.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataScopeTests {

    @Test
    void prefixOfDropsTheEmptyLevelsOfADivisionCode() {
        assertThat(DataScope.prefixOf("320100")).isEqualTo("3201");
        assertThat(DataScope.prefixOf("320104")).isEqualTo("320104");
        assertThat(DataScope.prefixOf("320104002")).isEqualTo("320104002");
        assertThat(DataScope.prefixOf("320104002000")).isEqualTo("320104002");
        assertThat(DataScope.prefixOf("320104002003")).isEqualTo("320104002003");
        assertThat(DataScope.prefixOf("320104000000")).isEqualTo("320104");
        assertThat(DataScope.prefixOf("320000")).isEqualTo("32");
    }

    @Test
    void streetScopeCoversItsCommunitiesAndGridsButNotTheNeighbouringStreet() {
        DataScope fuzimiao = DataScope.division("320104002");
        assertThat(fuzimiao.covers("320104002")).isTrue();
        assertThat(fuzimiao.covers("320104002005")).isTrue();
        assertThat(fuzimiao.covers("320104002005012")).isTrue();
        assertThat(fuzimiao.covers("320104003001001")).isFalse();
        assertThat(fuzimiao.covers("320104")).isFalse();
        assertThat(fuzimiao.covers(null)).isFalse();
        assertThat(fuzimiao.likePatterns()).containsExactly("320104002%");
    }

    @Test
    void citywideCoversEverythingAndNoneCoversNothing() {
        assertThat(DataScope.everything().covers("320506001001001")).isTrue();
        assertThat(DataScope.everything().likePatterns()).containsExactly("%");
        assertThat(DataScope.NONE.covers("320104")).isFalse();
        assertThat(DataScope.NONE.likePatterns()).isEmpty();
    }

    @Test
    void departmentsAreCoveredOnlyWhenListed() {
        DataScope scope = new DataScope(false, Set.of("320104"), Set.of(7L));
        assertThat(scope.coversDepartment(7)).isTrue();
        assertThat(scope.coversDepartment(8)).isFalse();
    }

    @Test
    void prefixesMustBeDigitsSoTheyCannotInjectLikePatterns() {
        assertThatThrownBy(() -> new DataScope(false, Set.of("32%"), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
