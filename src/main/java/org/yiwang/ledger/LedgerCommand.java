package org.yiwang.ledger;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.platform.EmbeddedDatabase;
import org.yiwang.platform.YiwangProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar yiwang.jar ledger verify [--yiwang.data-dir=…]}: verifies the chain without the
 * web server or any scheduler and prints {@code valid <length>} or {@code broken at <seq>: <reason>}.
 * With {@code --against <checkpoint.json>} (a checkpoint as served, kept elsewhere) it checks the checkpoint's
 * signature (the public key in {@code <data-dir>/keys}, or {@code --public-key <pem>}) and that the ledger
 * extends it — not truncated, not rewritten — and prints {@code consistent: …} or {@code <OUTCOME>: <detail>}.
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

    private static final String USAGE = "usage: java -jar yiwang.jar ledger verify [--against <checkpoint.json> "
            + "[--public-key <key.pem>]] [--yiwang.data-dir=<folder>]";
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
        List<String> options = new ArrayList<>();
        String against = null;
        String publicKey = null;
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            if (name.equals("--against") || name.equals("--public-key")) {
                String value = option.contains("=") ? option.substring(option.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isBlank()) {
                    err.println(name + " needs a file");
                    err.println(USAGE);
                    return FAILED;
                }
                if (name.equals("--against")) {
                    against = value;
                } else {
                    publicKey = value;
                }
            } else if (!option.startsWith("--")) {
                err.println("unexpected argument: " + option);
                err.println(USAGE);
                return FAILED;
            } else {
                options.add(option);
            }
        }
        if (publicKey != null && against == null) {
            err.println("--public-key goes with --against");
            err.println(USAGE);
            return FAILED;
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
        try (ConfigurableApplicationContext context = application.run(options.toArray(String[]::new))) {
            YiwangProperties properties = context.getBean(YiwangProperties.class);
            Against target = null;
            if (against != null) {
                try {
                    target = Against.read(Path.of(against), publicKey != null ? Path.of(publicKey)
                            : Path.of(properties.dataDir()).resolve("keys"));
                } catch (IOException | RuntimeException e) {
                    err.println(e.getMessage());
                    return FAILED;
                }
            }
            return verify(properties, target, out, err);
        }
    }

    /** A kept checkpoint and the public key to check its signature with. */
    private record Against(Checkpoint checkpoint, PublicKey key) {

        /** @param key a PEM file, or the data folder's {@code keys} folder */
        static Against read(Path checkpointFile, Path key) throws IOException {
            Checkpoint checkpoint;
            try {
                checkpoint = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                        .readValue(Files.readString(checkpointFile), Checkpoint.class);
            } catch (IOException | JacksonException e) {
                throw new IOException("Cannot read the checkpoint " + checkpointFile + " (the JSON of GET /api/ledger/checkpoints/latest): "
                        + e.getMessage(), e);
            }
            if (checkpoint.rootHash() == null || !checkpoint.rootHash().matches("[0-9a-fA-F]{64}")) {
                throw new IOException("The checkpoint " + checkpointFile + " has no rootHash of 64 hex digits");
            }
            Path keyFile = key;
            if (Files.isDirectory(key)) {
                keyFile = key.resolve(CheckpointKey.PUBLIC_FILE);
                if (!Files.exists(keyFile)) {
                    keyFile = key.resolve(CheckpointKey.PRIVATE_FILE);
                }
                if (!Files.exists(keyFile)) {
                    throw new IOException("There is no checkpoint key in " + key.toAbsolutePath()
                            + "; name the public key with --public-key=<file> (saved from GET /api/ledger/public-key)");
                }
            }
            return new Against(checkpoint, CheckpointKey.readPublic(keyFile));
        }
    }

    private static int verify(YiwangProperties properties, Against against, PrintStream out, PrintStream err) {
        YiwangProperties.Db db = properties.db();
        try {
            if (db.isExternal()) {
                try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                    return verify(connection, against, out, err);
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
                return verify(connection, against, out, err);
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

    private static int verify(Connection connection, Against against, PrintStream out, PrintStream err) throws SQLException {
        if (against != null) {
            CheckpointVerification result = CheckpointVerifier.verify(connection, against.checkpoint(), against.key());
            out.println(result.summary());
            return result.consistent() ? VALID : BROKEN;
        }
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
