package org.yiwang.enforcement;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.yiwang.platform.YiwangProperties;

import static org.assertj.core.api.Assertions.assertThat;

class EnforcementDemoTests {

    private static boolean inventsOrders(MockEnvironment environment) {
        YiwangProperties yiwang = Binder.get(environment).bindOrCreate("yiwang", YiwangProperties.class);
        return EnforcementDemo.inventsOrders(yiwang, environment);
    }

    @Test
    void theDemoRaisesOrdersOnTheEmbeddedDatabaseAndOnAnExternalOneOnlyWhenTheDemoHistoryIsAskedFor() {
        assertThat(inventsOrders(new MockEnvironment())).isTrue();
        MockEnvironment external = new MockEnvironment().withProperty("yiwang.db.url", "jdbc:postgresql://db.example:5432/yiwang");
        assertThat(inventsOrders(external)).isFalse();
        assertThat(inventsOrders(external.withProperty("yiwang.demo.history", "true"))).isTrue();
        assertThat(inventsOrders(new MockEnvironment().withProperty("yiwang.demo.history", "false"))).isTrue();
    }
}
