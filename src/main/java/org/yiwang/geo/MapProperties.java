package org.yiwang.geo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.map}: the base map every screen with a map draws on.
 *
 * @param tileUrl a Leaflet tile URL template ({@code {z}/{x}/{y}}); blank means the screens' built-in default
 */
@ConfigurationProperties("yiwang.map")
public record MapProperties(@DefaultValue("") String tileUrl) {
}
