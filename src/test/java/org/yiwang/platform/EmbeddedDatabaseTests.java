package org.yiwang.platform;

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
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

    @TempDir
    Path folder;

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
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
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
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
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
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String queryString(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
