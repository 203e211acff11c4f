package org.yiwang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the embedded PostgreSQL running: looks every {@code yiwang.db.embedded.check-interval} whether its
 * postmaster is still alive and, when it is gone (killed, crashed), starts it again on the same folder and
 * port; a failed restart is tried again after a pause that doubles up to {@code max-backoff}. The connection
 * pool needs nothing: it drops the dead connections and opens new ones once the server answers again.
 * Stops first on shutdown, so that it never starts a server the application is closing.
 */
class EmbeddedDatabaseSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseSupervisor.class);

    /** Null for an external database: nothing to supervise. */
    private final EmbeddedDatabase database;
    private final Duration checkInterval;
    private final Duration maxBackoff;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long restarts;

    EmbeddedDatabaseSupervisor(EmbeddedDatabase database, Duration checkInterval, Duration maxBackoff) {
        this.database = database;
        this.checkInterval = checkInterval;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start() {
        if (database == null || running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("embedded-db-supervisor").start(() -> watch(database));
    }

    private void watch(EmbeddedDatabase db) {
        while (running) {
            LockSupport.parkNanos(checkInterval.toNanos());
            if (!running || db.isRunning()) {
                continue;
            }
            long since = System.nanoTime();
            log.error("Embedded PostgreSQL on port {} is gone; restarting it on {}", db.port(), db.folder().toAbsolutePath());
            Duration pause = checkInterval;
            for (int attempt = 1; running; attempt++) {
                try {
                    db.restart();
                    restarts++;
                    log.warn("Embedded PostgreSQL is back after {} ms ({} attempt(s))",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since), attempt);
                    break;
                } catch (Exception e) {
                    log.error("Restart {} of the embedded PostgreSQL failed; next try in {} ms", attempt, pause.toMillis(), e);
                    LockSupport.parkNanos(pause.toNanos());
                    pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
                }
            }
        }
    }

    /** How many times the server was brought back since the application started. */
    long restarts() {
        return restarts;
    }

    @Override
    public void stop() {
        running = false;
        Thread watcher = thread;
        if (watcher != null) {
            LockSupport.unpark(watcher);
            try {
                // a restart under way finishes (or times out) on its own; the daemon thread does not hold up the JVM
                watcher.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else (web server, journal followers, pool) and starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
