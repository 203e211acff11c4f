package org.yiwang.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings under {@code yiwang.open311}.
 *
 * @param baseUrl the public URL of {@code /open311/v2} for the discovery document; blank = from the request
 * @param contact who to ask, shown in discovery
 * @param keyService how to get an API key, shown in discovery
 * @param defaultRequestsPerMinute the rate limit of a new key unless the administrator sets another
 * @param listedSources the work-order sources whose requests GET requests lists (12345 appeals are
 *                      private conversations with the city and are left out by default)
 * @param hiddenCategoryPrefixes categories never listed publicly (neighbour disputes and other personal
 *                               matters: {@code L01}); a client still sees the requests it created, by id
 * @param duplicateWindow how long the same report posted again by the same client, without an Idempotency-Key,
 *                        is taken for a retry and answered with the first request (FixMyStreet retries for ~10 s)
 */
@ConfigurationProperties("yiwang.open311")
public record Open311Properties(@DefaultValue("") String baseUrl,
                                @DefaultValue("12345 或 城市运行管理指挥中心 / call 12345 or the command centre") String contact,
                                @DefaultValue("API keys are issued by the platform administrators (POST /api/open311/keys)") String keyService,
                                @DefaultValue("60") int defaultRequestsPerMinute,
                                @DefaultValue({"RESIDENT", "GRID_PATROL", "URBAN_MANAGEMENT", "VIDEO_ALERT", "OPEN311"}) List<String> listedSources,
                                @DefaultValue("L01") List<String> hiddenCategoryPrefixes,
                                @DefaultValue("10m") java.time.Duration duplicateWindow) {

    public Open311Properties {
        if (duplicateWindow.isNegative()) {
            throw new IllegalArgumentException("duplicate-window must not be negative");
        }
        listedSources = List.copyOf(listedSources);
        hiddenCategoryPrefixes = List.copyOf(hiddenCategoryPrefixes);
    }
}
