package org.yiwang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * One data source for the whole application: the external PostgreSQL named by {@code yiwang.db.url}
 * (environment {@code YIWANG_DB_URL}) or {@code spring.datasource.url}, otherwise the embedded one in
 * {@code yiwang.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(YiwangProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(YiwangProperties properties,
                                            ObjectProvider<EmbeddedDatabaseStarter.Startup> earlyStart) throws IOException {
        if (properties.db().isExternal()) {
            return new EmbeddedDatabaseHolder(null);
        }
        EmbeddedDatabaseStarter.Startup startup = earlyStart.getIfAvailable();
        return new EmbeddedDatabaseHolder(startup != null ? startup.await() : EmbeddedDatabaseStarter.start(properties));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(YiwangProperties properties, EmbeddedDatabaseHolder embedded) {
        YiwangProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("yiwang");
        config.setMaximumPoolSize(db.poolSize());
        // a request waits this long for a connection, then fails (503, DatabaseUnavailable) instead of hanging ~30 s
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(db.connectionTimeout().toMillis(), 1_000));
        if (embedded.database() != null) {
            config.setJdbcUrl(embedded.database().jdbcUrl());
            config.setUsername(embedded.database().user());
            config.setPassword(embedded.database().password());
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "yiwang");
        // a failed statement's message must not carry its values (names, phones, notes) into logs and answers
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** 503 for anything that failed because the database cannot be reached; before the (database-kept) sessions. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            org.springframework.context.MessageSource messages, org.springframework.web.servlet.LocaleResolver locales) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new DatabaseUnavailableFilter(messages, locales));
        registration.setOrder(Integer.MIN_VALUE + 20);
        return registration;
    }

    /** Restarts the embedded server when it dies; none for an external database. */
    @Bean
    EmbeddedDatabaseSupervisor embeddedDatabaseSupervisor(YiwangProperties properties, EmbeddedDatabaseHolder embedded) {
        YiwangProperties.Db.Embedded settings = properties.db().embedded();
        return new EmbeddedDatabaseSupervisor(embedded.database(), settings.checkInterval(), settings.maxBackoff());
    }

    /** Closes the embedded server after the pool, because Spring destroys beans in reverse order. */
    record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (database != null) {
                database.close();
            }
        }
    }
}
