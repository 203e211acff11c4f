package org.yiwang;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsOnRealPostgresWithMigrationsApplied() {
        String version = jdbc.sql("show server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
        Integer migrations = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single();
        assertThat(migrations).isPositive();
    }
}
