package org.yiwang.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

import java.time.Duration;

/**
 * Settings under {@code yiwang.*}. Environment variables bind by Spring's relaxed rules, so
 * {@code YIWANG_DB_URL} sets {@code yiwang.db.url}.
 *
 * @param dataDir folder for the embedded database, uploaded photos and generated keys
 * @param demoData whether to load the demo territory and demo users on first start
 * @param web how the application sits behind a proxy
 * @param map the map background
 * @param metrics who may read {@code /actuator/prometheus}
 * @param crypto the key of ID-card numbers ({@link IdNumberCipher})
 */
@ConfigurationProperties("yiwang")
public record YiwangProperties(@DefaultValue("./data") String dataDir,
                               @DefaultValue("true") boolean demoData,
                               @DefaultValue Db db,
                               @DefaultValue Web web,
                               @DefaultValue Map map,
                               @DefaultValue Metrics metrics,
                               @DefaultValue Crypto crypto) {

    /** @param idKey base64 AES-256 key for ID-card numbers; blank means a key generated into {@code <data-dir>/keys/} */
    public record Crypto(@DefaultValue("") String idKey) {
    }

    /** Loopback only: a proxy on the same machine (nginx, Caddy) is trusted, nothing else. */
    public static final String LOOPBACK = "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1";

    /**
     * @param trustedProxies a regular expression of the addresses of reverse proxies whose {@code X-Forwarded-For}
     *                       and {@code X-Forwarded-Proto} are believed (the client address, and whether the
     *                       request came in over TLS); requests from any other address are taken as they are
     */
    public record Web(@DefaultValue(LOOPBACK) String trustedProxies) {

        public Web {
            try {
                java.util.regex.Pattern.compile(trustedProxies);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("yiwang.web.trusted-proxies is not a regular expression: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param tileUrl the map tile URL template ({@code https://host/{z}/{x}/{y}.png}); empty: the maps work offline
     * @param tiandituKey the key (tk) of 天地图 (the national map service, WGS-84/CGCS2000); when set, its vector map
     *                    with labels is the command map's default and its imagery is offered as satellite layer
     * @param gcj02Tiles whether the command map offers 高德 (AMap) and 腾讯 (Tencent) tiles; they are drawn in GCJ-02
     *                   and the map shifts its WGS-84 overlays onto them
     * @param defaultBase the command map's base map when it opens: {@code offline}, {@code tianditu},
     *                    {@code tianditu-satellite}, {@code amap}, {@code amap-satellite}, {@code tencent}, {@code custom};
     *                    empty: 天地图 when a key is set, else the tile URL when one is set, else offline
     */
    public record Map(@DefaultValue("") String tileUrl, @DefaultValue("") String tiandituKey,
                      @DefaultValue("false") boolean gcj02Tiles, @DefaultValue("") String defaultBase) {

        /** The base maps {@link #defaultBase} may name. */
        public static final java.util.List<String> BASES = java.util.List.of(
                "offline", "tianditu", "tianditu-satellite", "amap", "amap-satellite", "tencent", "custom");

        public Map {
            if (!defaultBase.isBlank() && !BASES.contains(defaultBase)) {
                throw new IllegalArgumentException("yiwang.map.default-base must be one of " + BASES + ": " + defaultBase);
            }
        }

        /** The origin of the tiles ({@code https://host:port}), for the Content-Security-Policy; empty when none. */
        public String tileOrigin() {
            if (tileUrl.isBlank()) {
                return "";
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[^/{}]+)").matcher(tileUrl.replace("{s}", "*"));
            return m.find() ? m.group(1) : "";
        }

        /** Every origin map tiles may come from (the tile URL's, 天地图's, 高德's, 腾讯's as configured), space-separated. */
        public String tileOrigins() {
            java.util.List<String> origins = new java.util.ArrayList<>();
            if (!tileOrigin().isEmpty()) {
                origins.add(tileOrigin());
            }
            if (!tiandituKey.isBlank()) {
                origins.add("https://*.tianditu.gov.cn");
            }
            if (gcj02Tiles) {
                origins.add("https://*.is.autonavi.com");
                origins.add("https://*.map.gtimg.com");
            }
            return String.join(" ", origins);
        }
    }

    /**
     * @param url external PostgreSQL JDBC URL; blank means the embedded server
     * @param connectionTimeout how long a request waits for a pooled connection before it is answered 503
     */
    public record Db(String url, @DefaultValue("postgres") String user, @DefaultValue("") String password,
                     @DefaultValue("20") int poolSize, @DefaultValue("3s") Duration connectionTimeout,
                     @DefaultValue Embedded embedded) {

        public Db {
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("yiwang.db.connection-timeout must be at least 250ms");
            }
        }

        public boolean isExternal() {
            return StringUtils.hasText(url);
        }

        /**
         * @param port loopback port, 0 for any free one (chosen once, kept across restarts of the server)
         * @param ephemeral a fresh throw-away cluster (tests)
         * @param checkInterval how often the supervisor looks whether the server still runs
         * @param maxBackoff the longest pause between two failed restarts (the pause doubles from the check interval)
         */
        public record Embedded(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral,
                               @DefaultValue("1s") Duration checkInterval, @DefaultValue("30s") Duration maxBackoff) {

            public Embedded {
                if (checkInterval.isNegative() || checkInterval.isZero() || maxBackoff.compareTo(checkInterval) < 0) {
                    throw new IllegalArgumentException("yiwang.db.embedded.check-interval must be positive and at most max-backoff");
                }
            }
        }
    }

    /**
     * @param publicScrape {@code /actuator/prometheus} without signing in (for a scraper on a closed network);
     *                     otherwise administrators only (HTTP Basic or a personal token)
     */
    public record Metrics(@DefaultValue("false") boolean publicScrape) {
    }
}
