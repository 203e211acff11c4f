package org.yiwang.intake;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps a bulk import from outrunning the rest of the platform: every order it creates sets several
 * after-commit listeners going (time limits, notices, the Open311 read model, the status feed …), and
 * those queue for database connections. Before each row, an import waits while more threads wait for a
 * connection than the pool has connections, so that the listeners catch up instead of timing out.
 */
@Component
class Backpressure {

    private static final Logger log = LoggerFactory.getLogger(Backpressure.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final HikariPoolMXBean pool;
    private final int threshold;

    Backpressure(DataSource dataSource) {
        HikariPoolMXBean found = null;
        int size = 0;
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                found = hikari.getHikariPoolMXBean();
                size = hikari.getMaximumPoolSize();
            }
        } catch (SQLException e) {
            log.debug("No connection pool to watch: {}", e.toString());
        }
        this.pool = found;
        this.threshold = Math.max(4, size);
    }

    /** Waits (at most 30 s) until the connection pool's queue is short again. */
    void await() {
        if (pool == null) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (pool.getThreadsAwaitingConnection() > threshold && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
