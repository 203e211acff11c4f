package org.yiwang.ledger;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.platform.EmbeddedDatabase;
import org.yiwang.platform.YiwangProperties;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar yiwang.jar ledger verify [--yiwang.data-dir=…]}: verifies the chain without the
 * web server or any scheduler and prints {@code valid <length>} or {@code broken at <seq>: <reason>}.
 * Exit status 0 when valid, 1 when broken, 2 when it could not verify (no database, the embedded
 * database is in use by a running Yiwang — then use {@code GET /api/ledger/verify} — or a usage error).
 *
 * <p>It reads the same configuration as the application ({@code application.yml}, environment,
 * {@code --key=value} arguments): an external PostgreSQL from {@code YIWANG_DB_URL}, else the
 * embedded one in {@code yiwang.data-dir}. It changes nothing: no migration, no sealing.
 */
public final class LedgerCommand {

    public static final int VALID = 0;
    public static final int BROKEN = 1;
    public static final int FAILED = 2;

    private static final String USAGE = "usage: java -jar yiwang.jar ledger verify [--yiwang.data-dir=<folder>]";
    private static final String UNDEFINED_TABLE = "42P01";

    private LedgerCommand() {
    }

    /** Whether {@code args} ask for a ledger command rather than the application. */
    public static boolean handles(String[] args) {
        return args.length > 0 && "ledger".equals(args[0]);
    }

    /** Runs the command and returns the process exit status. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"verify".equals(args[1])) {
            err.println(USAGE);
            return FAILED;
        }
        String[] options = Arrays.copyOfRange(args, 2, args.length);
        for (String option : options) {
            if (!option.startsWith("--")) {
                err.println("unexpected argument: " + option);
                err.println(USAGE);
                return FAILED;
            }
        }
        SpringApplication application = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=warn", "logging.level.org.yiwang=warn")
                .build();
        // the application's context initializers would start the embedded database on their own
        application.setInitializers(List.of());
        try (ConfigurableApplicationContext context = application.run(options)) {
            return verify(context.getBean(YiwangProperties.class), out, err);
        }
    }

    private static int verify(YiwangProperties properties, PrintStream out, PrintStream err) {
        YiwangProperties.Db db = properties.db();
        try {
            if (db.isExternal()) {
                try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                    return verify(connection, out, err);
                }
            }
            if (db.embedded().ephemeral()) {
                err.println("The configuration names a throw-away database (yiwang.db.embedded.ephemeral); there is nothing to verify.");
                return FAILED;
            }
            Path folder = Path.of(properties.dataDir()).resolve("db");
            if (!Files.isDirectory(folder)) {
                err.println("There is no Yiwang database in " + folder.toAbsolutePath()
                        + ". Name the data folder with --yiwang.data-dir=<folder>, or an external database with YIWANG_DB_URL.");
                return FAILED;
            }
            try (EmbeddedDatabase embedded = EmbeddedDatabase.start(folder, db.embedded().port());
                 Connection connection = DriverManager.getConnection(embedded.jdbcUrl(), embedded.user(), embedded.password())) {
                return verify(connection, out, err);
            }
        } catch (EmbeddedDatabase.DataFolderInUseException e) {
            err.println("The database in " + Path.of(properties.dataDir()).toAbsolutePath()
                    + " is in use by a running Yiwang. Verify through it instead: GET /api/ledger/verify (as an ADMIN or LEADER).");
            return FAILED;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                err.println("This database has no ledger yet; start Yiwang once to create it.");
            } else {
                err.println("Could not read the ledger: " + e.getMessage());
            }
            return FAILED;
        } catch (IOException e) {
            err.println("Could not start the embedded database: " + e.getMessage());
            return FAILED;
        }
    }

    private static int verify(Connection connection, PrintStream out, PrintStream err) throws SQLException {
        LedgerVerification result = ChainVerifier.verify(connection);
        out.println(result.summary());
        if (result.pending() > 0) {
            err.println(result.pending() + " appended records are not sealed yet; Yiwang chains them when it runs.");
        }
        return result.valid() ? VALID : BROKEN;
    }

    /** Configuration binding only: no component scan, no auto-configuration, hence no beans that do work. */
    @EnableConfigurationProperties(YiwangProperties.class)
    static class CommandContext {
    }
}
