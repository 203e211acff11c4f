package org.yiwang.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Settings under {@code yiwang.*}. Environment variables bind by Spring's relaxed rules, so
 * {@code YIWANG_DB_URL} sets {@code yiwang.db.url}.
 *
 * @param dataDir folder for the embedded database, uploaded photos and generated keys
 * @param demoData whether to load the demo territory and demo users on first start
 */
@ConfigurationProperties("yiwang")
public record YiwangProperties(@DefaultValue("./data") String dataDir,
                               @DefaultValue("true") boolean demoData,
                               @DefaultValue Db db) {

    /**
     * @param url external PostgreSQL JDBC URL; blank means the embedded server
     */
    public record Db(String url, @DefaultValue("postgres") String user, @DefaultValue("") String password,
                     @DefaultValue("20") int poolSize, @DefaultValue Embedded embedded) {

        public boolean isExternal() {
            return StringUtils.hasText(url);
        }

        /**
         * @param port loopback port, 0 for any free one
         * @param ephemeral a fresh throw-away cluster (tests)
         */
        public record Embedded(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral) {
        }
    }
}
