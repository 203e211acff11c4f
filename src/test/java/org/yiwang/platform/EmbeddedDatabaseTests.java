package org.yiwang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

    @TempDir
    Path folder;

    @Test
    void aThrowAwayServerTakesItsFolderWithItWhenItStops() throws Exception {
        Path used;
        try (EmbeddedDatabase db = EmbeddedDatabase.startEphemeral()) {
            used = db.folder();
            execute(db, "create table gone (v text)", "insert into gone values ('临时')");
            assertThat(used).isDirectory();
        }
        assertThat(used).doesNotExist();
    }

    @Test
    void dataSurvivesARestartOnTheSameFolder() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            execute(db, "create table kept (v text)", "insert into kept values ('立案')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            assertThat(queryString(db, "select v from kept")).isEqualTo("立案");
        }
    }

    @Test
    void secondInstanceOnTheSameFolderFailsFastWithAClearMessage() throws Exception {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(folder, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(folder, 0))
                    .isInstanceOf(EmbeddedDatabase.DataFolderInUseException.class)
                    .hasMessageContaining("in use by another Yiwang process")
                    .hasMessageContaining(folder.toAbsolutePath().toString());
        }
    }

    @Test
    void secondProcessOnTheSameFolderFailsFast() throws Exception {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(folder, 0)) {
            Process other = startChild(folder);
            String output = readAll(other);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isEqualTo(3);
            assertThat(output).contains("in use by another Yiwang process");
        }
    }

    @Test
    void postmasterOrphanedByKillNineIsStoppedAndCommittedDataIsKept() throws Exception {
        Path dbFolder = folder.resolve("db-under-test");
        Process child = startChild(dbFolder);
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        String port = null;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                port = line.substring(6).trim();
                break;
            }
        }
        assertThat(port).as("child started PostgreSQL").isNotNull();
        String password = Files.readString(dbFolder.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
             Statement s = c.createStatement()) {
            s.execute("create table acknowledged (id int)");
            s.execute("insert into acknowledged values (42)");
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(dbFolder.resolve("pg17/postmaster.pid")).getFirst().trim());

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("postmaster outlives kill -9").contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dbFolder, 0)) {
            assertThat(queryString(db, "select id::text from acknowledged")).isEqualTo("42");
        }
        // stopped: gone, or a zombie until whoever inherited it reaps it
        assertThat(ProcessHandle.of(postmasterPid).map(EmbeddedDatabase::running).orElse(false)).isFalse();
    }

    @Test
    void connectionWithoutThePasswordIsRefused() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "not-" + db.password()).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(queryString(db, "select current_user")).isEqualTo("postgres");
            assertThat(Files.readAllLines(folder.resolve("pg17/pg_hba.conf"))).filteredOn(l -> !l.strip().startsWith("#") && !l.isBlank())
                    .isNotEmpty().allMatch(l -> l.strip().endsWith("scram-sha-256"));
            assertThat(Files.getPosixFilePermissions(folder.resolve(EmbeddedDatabase.PASSWORD_FILE)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void clusterThatTrustedLocalConnectionsRequiresThePasswordAfterItsNextStart() throws Exception {
        // a data folder made before passwords were required: zonky's initdb trusts every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("pg17"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('结案')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(queryString(db, "select v from kept")).isEqualTo("结案");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(queryString(db, "select v from kept")).isEqualTo("结案");
        }
    }

    @Test
    void aLostPasswordFileIsNamedInsteadOfReplaced() throws Exception {
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(folder, 0)) {
            // the cluster now exists and requires the password
        }
        Files.delete(folder.resolve(EmbeddedDatabase.PASSWORD_FILE));

        assertThatThrownBy(() -> EmbeddedDatabase.start(folder, 0)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(EmbeddedDatabase.PASSWORD_FILE).hasMessageContaining("missing");
        assertThat(folder.resolve(EmbeddedDatabase.PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void killedServerIsRestartedOnTheSamePortWithItsData() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(folder, 0)) {
            execute(db, "create table kept (v text)", "insert into kept values ('派遣')");
            int port = db.port();
            long pid = Long.parseLong(Files.readAllLines(folder.resolve("pg17/postmaster.pid")).getFirst().trim());
            assertThat(db.isRunning()).isTrue();

            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (db.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(db.isRunning()).as("a killed postmaster is noticed").isFalse();

            db.restart();
            assertThat(db.isRunning()).isTrue();
            assertThat(db.port()).isEqualTo(port);
            assertThat(queryString(db, "select v from kept")).isEqualTo("派遣");
        }
    }

    private static Process startChild(Path dbFolder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), dbFolder.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static String readAll(Process process) throws Exception {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void execute(EmbeddedDatabase db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
