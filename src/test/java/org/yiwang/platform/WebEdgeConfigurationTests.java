package org.yiwang.platform;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebEdgeConfigurationTests {

    @Test
    void onlyTheConfiguredProxiesAreTrustedAndTheHostHeaderNever() {
        RemoteIpValve byDefault = WebEdgeConfiguration.remoteIpValve(new YiwangProperties.Web(YiwangProperties.LOOPBACK));
        assertThat("127.0.0.1").matches(byDefault.getInternalProxies());
        assertThat("10.0.0.5").doesNotMatch(byDefault.getInternalProxies());
        assertThat("192.168.1.1").doesNotMatch(byDefault.getInternalProxies());
        assertThat(byDefault.getHostHeader()).isNull();

        RemoteIpValve configured = WebEdgeConfiguration.remoteIpValve(new YiwangProperties.Web("10\\.0\\.0\\.5"));
        assertThat("10.0.0.5").matches(configured.getInternalProxies());
        assertThat("127.0.0.1").doesNotMatch(configured.getInternalProxies());
    }

    @Test
    void aTrustedProxySettingThatIsNoPatternStopsTheStart() {
        assertThatThrownBy(() -> new YiwangProperties.Web("10.0.0.(")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yiwang.web.trusted-proxies");
    }

    @Test
    void theTileServersOriginIsAllowedForImages() {
        assertThat(new YiwangProperties.Map("https://{s}.tile.example.org/{z}/{x}/{y}.png", "", false, "").tileOrigin()).isEqualTo("https://*.tile.example.org");
        assertThat(new YiwangProperties.Map("http://tiles.local:8081/{z}/{x}/{y}.png", "", false, "").tileOrigin()).isEqualTo("http://tiles.local:8081");
        assertThat(new YiwangProperties.Map("", "", false, "").tileOrigin()).isEmpty();
    }

    @Test
    void theOnlineBaseMapsOriginsAreAllowedForImagesOnlyWhenConfigured() {
        assertThat(new YiwangProperties.Map("", "", false, "").tileOrigins()).isEmpty();
        assertThat(new YiwangProperties.Map("", "key", false, "").tileOrigins()).isEqualTo("https://*.tianditu.gov.cn");
        assertThat(new YiwangProperties.Map("http://tiles.local:8081/{z}/{x}/{y}.png", "", true, "").tileOrigins())
                .isEqualTo("http://tiles.local:8081 https://*.is.autonavi.com https://*.map.gtimg.com");
    }

    @Test
    void anUnknownDefaultBaseMapStopsTheStart() {
        assertThatThrownBy(() -> new YiwangProperties.Map("", "", false, "google")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yiwang.map.default-base");
    }
}
