package org.yiwang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server Yiwang runs by default: a real PostgreSQL 17 started from the jar, with its
 * data in a folder that survives restarts. One Yiwang process owns a data folder at a time; a second
 * one fails fast, and a postmaster orphaned by {@code kill -9} is stopped before starting anew.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path folder, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code folder}, creating the cluster on first use.
     *
     * @param port TCP port on loopback, 0 for any free port
     * @throws DataFolderInUseException when another process holds the folder
     */
    public static EmbeddedDatabase start(Path folder, int port) throws IOException {
        Files.createDirectories(folder);
        Path lockFile = folder.resolve("yiwang.lock");
        FileChannel channel = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataFolderInUseException(folder);
        }
        try {
            Path pgData = folder.resolve("pg17");
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port == 0 ? freePort() : port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // many small transactions commit at once under load: let them share WAL flushes (group commit)
                    .setServerConfig("commit_delay", "500")
                    .setServerConfig("commit_siblings", "3")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            log.info("Embedded PostgreSQL 17 running on 127.0.0.1:{} with data in {}", postgres.getPort(), pgData.toAbsolutePath());
            return new EmbeddedDatabase(folder, channel, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** A throw-away server in a fresh temporary folder, for tests. */
    public static EmbeddedDatabase startEphemeral() throws IOException {
        Path folder = Files.createTempDirectory("yiwang-test-db");
        folder.toFile().deleteOnExit();
        return start(folder, 0);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    /**
     * After {@code kill -9} of the JVM the postmaster keeps running and holds the data folder. We
     * own the folder lock, so any postmaster named in {@code postmaster.pid} is ours to stop.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.getFirst()).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive() && looksLikePostgres(process.get())) {
            ProcessHandle postmaster = process.get();
            log.warn("Stopping PostgreSQL (pid {}) left running by a previous Yiwang process", postmaster.pid());
            postmaster.destroy(); // SIGTERM = smart shutdown
            try {
                postmaster.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception timeout) {
                postmaster.destroyForcibly();
                try {
                    postmaster.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    throw new IOException("Could not stop orphaned PostgreSQL process " + postmaster.pid());
                }
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Another process (normally another Yiwang) is using the data folder. */
    public static final class DataFolderInUseException extends IllegalStateException {
        public DataFolderInUseException(Path folder) {
            super("The data folder " + folder.toAbsolutePath() + " is in use by another Yiwang process. "
                    + "Stop that process first, or start this one with --yiwang.data-dir=<another folder>.");
        }
    }
}
