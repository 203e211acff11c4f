package org.yiwang.people;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** What other modules get from {@link People} and {@link Organization}. */
@PeopleIntegrationTest
class PeopleFacadeTests {

    @Autowired
    People people;
    @Autowired
    Organization organization;

    @Test
    void theActorOfAUserCarriesTheirScope() {
        Actor dispatcher = people.actorOf("Dispatcher").orElseThrow();
        assertThat(dispatcher.roles()).containsExactly(Role.DISPATCHER);
        assertThat(dispatcher.scope().covers("320104002001001")).isTrue();
        assertThat(dispatcher.scope().covers("320104003001001")).isFalse();
        assertThat(dispatcher.orgUnitName()).isEqualTo("夫子庙街道指挥中心");
        assertThat(dispatcher.seesPersonalData()).isFalse();

        Actor handler = people.actorOf("handler").orElseThrow();
        long urban = organization.department("320104", DepartmentType.URBAN_MANAGEMENT).orElseThrow().id();
        assertThat(handler.scope().departmentIds()).containsExactly(urban);
        assertThat(handler.scope().divisionPrefixes()).containsExactly("320104");

        assertThat(people.actorOf("admin").orElseThrow().scope().citywide()).isTrue();
        assertThat(people.actorOf("nobody")).isEmpty();
    }

    @Test
    void theHandlersOfADepartmentCanBeFound() {
        long urban = organization.department("320104", DepartmentType.URBAN_MANAGEMENT).orElseThrow().id();
        assertThat(people.membersOf(urban, Role.HANDLER)).extracting(UserSummary::username).contains("handler");
        assertThat(people.membersOf(urban, Role.DISPATCHER)).isEmpty();
    }

    @Test
    void summariesCarryNoPersonalDataButTheContactPhoneIsAvailableForNotifications() {
        UserSummary leader = people.findByUsername("leader").orElseThrow();
        assertThat(leader.toString()).doesNotContain("139");
        assertThat(people.contactPhone(leader.id())).hasValueSatisfying(p -> assertThat(p).matches("139[0-9]{8}"));
        assertThat(people.find(leader.id())).contains(leader);
    }
}
