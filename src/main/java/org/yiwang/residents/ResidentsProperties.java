package org.yiwang.residents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the residents module ({@code yiwang.residents}).
 *
 * @param sms          whether follow updates may also go by SMS through the notify outbox (for residents who asked)
 * @param transparency the public pages, map and open data
 */
@ConfigurationProperties("yiwang.residents")
public record ResidentsProperties(@DefaultValue("false") boolean sms, @DefaultValue Transparency transparency) {

    /**
     * @param enabled         the public pages, map and export at all
     * @param districts       the 6-digit district codes that publish; empty for every district
     * @param recentlyFixed   how long a fixed problem stays on the public map
     * @param dailyExport     whether the daily open-data files are written
     * @param exportDirectory where the daily files go ({@code reports-YYYY-MM-DD.csv} and {@code .geojson}); blank for {@code <data-dir>/open-data}
     */
    public record Transparency(@DefaultValue("true") boolean enabled, @DefaultValue List<String> districts,
                               @DefaultValue("30d") Duration recentlyFixed, @DefaultValue("true") boolean dailyExport,
                               @DefaultValue("") String exportDirectory) {

        public Transparency {
            districts = List.copyOf(districts == null ? List.of() : districts);
            for (String d : districts) {
                if (d == null || !d.matches("\\d{6}")) {
                    throw new IllegalArgumentException("yiwang.residents.transparency.districts: 6-digit district codes, not " + d);
                }
            }
            if (recentlyFixed.isNegative() || recentlyFixed.isZero()) {
                throw new IllegalArgumentException("yiwang.residents.transparency.recently-fixed must be positive");
            }
        }

        /** Whether the district publishes its reports. */
        public boolean publishes(String districtCode) {
            return enabled && (districts.isEmpty() || districts.contains(districtCode));
        }
    }
}
