package org.yiwang.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yiwang.demo}: the generated history of a demo installation. It is made once, on the
 * first start with {@code yiwang.demo-data} and this {@code history} on, when the database has no work order.
 *
 * @param history whether to generate the demo history and the demo streets' standard addresses; unset: yes on the
 *                embedded database, no on an external one ({@code YIWANG_DB_URL}), where three months of invented
 *                orders would mix with real or measured ones
 * @param days how many days back the history starts
 * @param ordersPerDay reports per day on average (weekdays more, weekends fewer)
 * @param seed the random seed: the same seed on the same territory gives the same history
 */
@ConfigurationProperties("yiwang.demo")
public record DemoProperties(@Nullable Boolean history, @DefaultValue("90") int days,
                             @DefaultValue("12") int ordersPerDay, @DefaultValue("20261207") long seed) {

    public DemoProperties {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("yiwang.demo.days must be between 1 and 366");
        }
        if (ordersPerDay < 1 || ordersPerDay > 200) {
            throw new IllegalArgumentException("yiwang.demo.orders-per-day must be between 1 and 200");
        }
    }

    /** Whether the history is made on a database at this address ({@code null} or blank: the embedded one). */
    public boolean historyOn(@Nullable String externalDatabaseUrl) {
        return history != null ? history : externalDatabaseUrl == null || externalDatabaseUrl.isBlank();
    }
}
