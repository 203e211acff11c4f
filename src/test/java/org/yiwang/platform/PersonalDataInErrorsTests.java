package org.yiwang.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data in exceptions: a rejected batch insert and a logged stack trace carry no phone or ID number. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataInErrorsTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void aRejectedBatchInsertDoesNotRepeatItsValues() {
        String message = jdbc.execute((java.sql.Connection c) -> {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table probe_contact (name varchar(4), phone varchar(8))");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into probe_contact values (?, ?)")) {
                insert.setString(1, "王小明");
                insert.setString(2, "13812345672");
                insert.addBatch();
                insert.executeBatch();
                return "no error";
            } catch (SQLException e) {
                StringBuilder all = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    all.append(t.getMessage()).append('\n');
                }
                for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
                    all.append(next.getMessage()).append('\n');
                }
                return all.toString();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("drop table if exists probe_contact");
                }
            }
        });
        assertThat(message).isNotEqualTo("no error").doesNotContain("13812345672").doesNotContain("王小明");
    }

    @Test
    void aLoggedStackTraceIsMasked() {
        MaskingThrowableConverter converter = new MaskingThrowableConverter();
        converter.setContext(new LoggerContext());
        converter.start();
        LoggingEvent event = new LoggingEvent("x", new LoggerContext().getLogger("x"), Level.ERROR, "failed", 
                new IllegalStateException("caller 138-1234-5672, ID 320104198001011234"), null);
        String trace = converter.convert(event);
        assertThat(trace).contains("IllegalStateException").doesNotContain("1234-5672").doesNotContain("19800101");
    }
}
