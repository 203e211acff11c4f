package org.yiwang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server Yiwang runs by default: a real PostgreSQL 17 started from the jar, with its
 * data in a folder that survives restarts. One Yiwang process owns a data folder at a time; a second
 * one fails fast, and a postmaster orphaned by {@code kill -9} is stopped before starting anew.
 *
 * <p>The server asks for a password (scram-sha-256) on every connection: a random one is generated
 * into {@value #PASSWORD_FILE} in the folder when the cluster is created, and a cluster made before
 * (which trusted every local connection) gets it, and a rewritten {@code pg_hba.conf}, on its next start.
 * The port is chosen once and kept, so that {@link #restart()} brings the server back where the
 * connection pool looks for it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The superuser's password, in the database folder (readable by its owner only). */
    public static final String PASSWORD_FILE = "postgres.password";
    public static final String USER = "postgres";

    private final Path folder;
    private final Path pgData;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final int port;
    private final String password;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    /** A throw-away server's folder goes when it stops. */
    private volatile boolean ephemeral;

    private EmbeddedDatabase(Path folder, FileChannel lockChannel, FileLock lock, int port, String password) {
        this.folder = folder;
        this.pgData = folder.resolve("pg17");
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.port = port;
        this.password = password;
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
            Path passwordFile = folder.resolve(PASSWORD_FILE);
            Path hba = folder.resolve("pg17").resolve("pg_hba.conf");
            if (!Files.exists(passwordFile) && Files.exists(hba) && Files.readAllLines(hba).stream().noneMatch(EmbeddedDatabase::trusts)) {
                // a new password would lock us out of our own cluster: say what is missing instead of "authentication failed"
                throw new IOException("The embedded PostgreSQL in " + hba.getParent().toAbsolutePath() + " requires the password in "
                        + passwordFile.toAbsolutePath() + ", which is missing: restore it from a backup of the data folder");
            }
            EmbeddedDatabase database = new EmbeddedDatabase(folder, channel, lock, port == 0 ? freePort() : port,
                    readOrCreatePassword(passwordFile));
            stopOrphanedPostmaster(database.pgData);
            database.launch();
            database.requirePassword();
            log.info("Embedded PostgreSQL 17 running on 127.0.0.1:{} with data in {}", database.port, database.pgData.toAbsolutePath());
            return database;
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** A throw-away server in a fresh temporary folder, for tests. */
    public static EmbeddedDatabase startEphemeral() throws IOException {
        Path folder = Files.createTempDirectory("yiwang-test-db");
        EmbeddedDatabase database = start(folder, 0);
        database.ephemeral = true;
        return database;
    }

    private void launch() throws IOException {
        // zonky locks pg17/epg-lock and, when a start fails, never lets go of it: a new file (we hold the folder's
        // own lock) keeps a failed restart from making every later one fail on the leaked lock
        Files.deleteIfExists(pgData.resolve("epg-lock"));
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // initdb of a new cluster: scram-sha-256 for every connection, the superuser's password from the file
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", folder.resolve(PASSWORD_FILE).toAbsolutePath().toString())
                .setConnectConfig("password", password)
                .setServerConfig("password_encryption", "scram-sha-256")
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
        postmasterPid = readPostmasterPid(pgData).orElse(-1L);
    }

    /**
     * A cluster created before passwords were required trusts every local connection: give the superuser
     * the generated password, switch {@code pg_hba.conf} to scram-sha-256 and reload, while trust still lets us in.
     */
    private void requirePassword() throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        if (lines.stream().noneMatch(EmbeddedDatabase::trusts)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, password); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
            Files.write(hba, lines.stream().map(l -> trusts(l) ? l.replaceAll("\\btrust\\b", "scram-sha-256") : l).toList());
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the password of the embedded PostgreSQL in " + pgData.toAbsolutePath(), e);
        }
        log.warn("The embedded PostgreSQL in {} trusted every local connection; it now requires the password in {} (scram-sha-256)",
                pgData.toAbsolutePath(), folder.resolve(PASSWORD_FILE).toAbsolutePath());
    }

    private static boolean trusts(String hbaLine) {
        String line = hbaLine.strip();
        return !line.startsWith("#") && line.matches(".*\\btrust\\s*$");
    }

    /** The password of a folder, made on first use: 32 random letters and digits, readable by the owner only. */
    static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file).strip();
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        try {
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(fresh);
        }
        Files.writeString(fresh, password + "\n");
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password.toString();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Whether the postmaster this object started is still running (a zombie left by {@code kill -9} is not). */
    public boolean isRunning() {
        long pid = postmasterPid;
        return pid > 0 && ProcessHandle.of(pid).map(EmbeddedDatabase::running).orElse(false);
    }

    /**
     * Starts the server again on the same folder and port after it died: stops what is left of it
     * (a surviving postmaster named in {@code postmaster.pid}) and runs crash recovery by starting anew.
     */
    public synchronized void restart() throws IOException {
        if (!lock.isValid()) {
            throw new IllegalStateException("The embedded database in " + folder + " was closed");
        }
        EmbeddedPostgres dead = postgres;
        postgres = null;
        if (dead != null) {
            closeQuietly(dead);
        }
        stopOrphanedPostmaster(pgData);
        launch();
        log.info("Embedded PostgreSQL restarted on 127.0.0.1:{} (pid {})", port, postmasterPid);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            EmbeddedPostgres running = postgres;
            postgres = null;
            if (running != null) {
                running.close();
            }
            log.info("Embedded PostgreSQL stopped");
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
            if (ephemeral) {
                deleteQuietly(folder);
            }
        }
    }

    /** Removes a throw-away server's folder (hundreds of MB after a test class); what cannot go is left. */
    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            log.debug("Could not delete the throw-away database folder {}: {}", folder, e.toString());
        }
    }

    private static void closeQuietly(EmbeddedPostgres dead) {
        try {
            // pg_ctl stop fails on a dead server (zonky logs it); what matters is that zonky lets go of the folder
            dead.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead embedded PostgreSQL: {}", e.toString());
        }
    }

    private static Optional<Long> readPostmasterPid(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst());
    }

    /** Alive and not a zombie: a killed postmaster whose parent has gone stays a zombie until init reaps it. */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException notLinux) {
            return process.isAlive();
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
        if (process.isPresent() && running(process.get()) && looksLikePostgres(process.get())) {
            ProcessHandle postmaster = process.get();
            log.warn("Stopping PostgreSQL (pid {}) left running by a previous Yiwang process", postmaster.pid());
            postmaster.destroy(); // SIGTERM = smart shutdown
            if (!gone(postmaster, Duration.ofSeconds(20))) {
                postmaster.destroyForcibly();
                if (!gone(postmaster, Duration.ofSeconds(10))) {
                    throw new IOException("Could not stop orphaned PostgreSQL process " + postmaster.pid());
                }
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** Polls rather than {@code onExit()}, which never completes for a zombie. */
    private static boolean gone(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
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
