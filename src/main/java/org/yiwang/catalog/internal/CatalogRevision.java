package org.yiwang.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** The revision counter of the catalog data, and the record of shipped data applied once. */
@Repository
public class CatalogRevision {

    private final JdbcClient jdbc;

    CatalogRevision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("SELECT revision FROM catalog_revision WHERE id = 1").query(Long.class).single();
    }

    /** Counts a change; call inside the transaction that makes it. */
    public long bump() {
        return jdbc.sql("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision")
                .query(Long.class).single();
    }

    /**
     * Claims a seed for this transaction: true the first time ever (apply it now), false when it was
     * applied before. Concurrent claims wait for each other, so only one node applies it.
     */
    public boolean claimSeed(String name, Instant at) {
        return jdbc.sql("INSERT INTO catalog_seed (name, applied_at) VALUES (:name, :at) ON CONFLICT (name) DO NOTHING")
                .param("name", name).param("at", Timestamp.from(at))
                .update() == 1;
    }
}
