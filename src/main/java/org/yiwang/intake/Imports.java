package org.yiwang.intake;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.yiwang.intake.reading.MalformedFileException;
import org.yiwang.intake.reading.RowHandler;
import org.yiwang.intake.reading.TableFormat;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.YiwangProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Batch import of hotline work orders and 数字城管 cases from CSV or Excel (.xlsx). The upload is
 * streamed to a file in the data folder, then read row by row (never whole): each row is checked,
 * and handled like a single report ({@link Reception}). Policy {@value ImportSummary#POLICY_PER_ROW}:
 * good rows land, bad rows are listed with their line and reason; the same file imported again
 * creates nothing twice (the external number is the key). Imports run in the background, one at a time
 * per node by default; the caller polls the summary, or waits for it.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    private static final int PROGRESS_EVERY = 1000;

    private final Reception reception;
    private final Backpressure backpressure;
    private final ReportParser parser;
    private final IntakeRecords records;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IntakeProperties.Imports settings;
    private final Path spool;
    private final Clock clock;
    private final ThreadPoolExecutor workers;

    Imports(Reception reception, Backpressure backpressure, ReportParser parser, IntakeRecords records, JdbcClient jdbc, JdbcTemplate template,
            IntakeProperties properties, YiwangProperties yiwang, Clock clock) {
        this.reception = reception;
        this.backpressure = backpressure;
        this.parser = parser;
        this.records = records;
        this.jdbc = jdbc;
        this.template = template;
        this.settings = properties.imports();
        this.spool = Path.of(yiwang.dataDir()).resolve("intake").resolve("imports");
        this.clock = clock;
        int n = Math.max(1, settings.workers());
        this.workers = new ThreadPoolExecutor(n, n, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(20),
                Thread.ofPlatform().name("intake-import-", 1).daemon(true).factory());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * Takes a file and starts importing it.
     *
     * @param format {@code csv} or {@code xlsx}; null to tell by the file name, content type or first bytes
     * @param wait whether to return only when the import has finished (small files, scripts)
     */
    public ImportSummary start(ReportKind kind, InputStream content, String fileName, String contentType, TableFormat format,
                               Charset charset, boolean wait, Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        Path file = receive(content);
        try {
            TableFormat detected = format != null ? format : TableFormat.detect(fileName, contentType, file);
            Instant now = clock.instant();
            long id = jdbc.sql("""
                            INSERT INTO intake_import (kind, file_name, format, policy, status, started_at, heartbeat_at, started_by)
                            VALUES (:kind, :file, :format, :policy, 'RUNNING', :now, :now, :by) RETURNING id""")
                    .param("kind", kind.name()).param("file", fileName == null ? null : truncate(fileName, 255))
                    .param("format", detected.name()).param("policy", ImportSummary.POLICY_PER_ROW)
                    .param("now", Timestamp.from(now)).param("by", actor.userId())
                    .query(Long.class).single();
            Runnable job = () -> run(id, kind, file, detected, charset, actor);
            if (wait) {
                job.run();
            } else {
                try {
                    workers.execute(job);
                } catch (RejectedExecutionException busy) {
                    finish(id, new long[5], "FAILED", "too many imports waiting", 0);
                    deleteQuietly(file);
                    throw new LocalizedException(HttpStatus.SERVICE_UNAVAILABLE, "intake.error.busy");
                }
            }
            return find(id, actor).orElseThrow();
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    /** An import's summary with its first problems; 404 for someone else's import unless admin. */
    public Optional<ImportSummary> find(long id, Actor reader) {
        Optional<ImportSummary> summary = jdbc.sql("SELECT * FROM intake_import WHERE id = :id").param("id", id)
                .query((rs, n) -> new Object[]{summary(rs, List.of()), rs.getLong("started_by")})
                .optional()
                .filter(row -> reader.has(Role.ADMIN) || reader.isSystem() || (long) row[1] == reader.userId())
                .map(row -> (ImportSummary) row[0]);
        return summary.map(s -> new ImportSummary(s.id(), s.kind(), s.fileName(), s.format(), s.policy(), s.status(), s.rows(),
                s.created(), s.pending(), s.duplicates(), s.rejected(), s.failure(), s.startedAt(), s.finishedAt(),
                s.durationMillis(), problems(id, 0, 1000)));
    }

    /** The reader's recent imports (all for admins), newest first, without their problems. */
    public List<ImportSummary> recent(int limit, Actor reader) {
        return jdbc.sql("SELECT * FROM intake_import" + (reader.has(Role.ADMIN) ? "" : " WHERE started_by = :me")
                        + " ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("me", reader.userId()).param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> summary(rs, List.of())).list();
    }

    /** A page of an import's stored problems, by line. */
    public List<FieldProblem> problems(long id, int offset, int limit) {
        return jdbc.sql("SELECT line, external_no, field, message_key, args FROM intake_import_problem WHERE import_id = :id"
                        + " ORDER BY line, seq LIMIT :limit OFFSET :offset")
                .param("id", id).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new FieldProblem(rs.getLong("line"), rs.getString("external_no"), rs.getString("field"),
                        rs.getString("message_key"), List.of((String[]) rs.getArray("args").getArray())))
                .list();
    }

    /** Imports whose node stopped reporting progress (it died) are marked interrupted; importing the file again resumes them. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void markInterrupted() {
        try {
            int n = jdbc.sql("UPDATE intake_import SET status = 'INTERRUPTED', finished_at = :now"
                            + " WHERE status = 'RUNNING' AND heartbeat_at < :stale")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("stale", Timestamp.from(clock.instant().minus(settings.staleAfter())))
                    .update();
            if (n > 0) {
                log.warn("Marked {} import(s) interrupted: their node stopped reporting progress", n);
            }
        } catch (RuntimeException e) {
            log.warn("Could not check for interrupted imports: {}", e.toString());
        }
    }

    private Path receive(InputStream content) {
        try {
            Files.createDirectories(spool);
            Path file = spool.resolve(UUID.randomUUID() + ".part");
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    copied += n;
                    if (copied > settings.maxFileBytes()) {
                        out.close();
                        deleteQuietly(file);
                        throw new LocalizedException(HttpStatus.CONTENT_TOO_LARGE, "intake.error.fileTooLarge", settings.maxFileBytes() / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (copied == 0) {
                deleteQuietly(file);
                throw LocalizedException.badRequest("intake.error.emptyFile");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counters: rows, created, pending, duplicates, rejected. */
    private static final int ROWS = 0;
    private static final int CREATED = 1;
    private static final int PENDING = 2;
    private static final int DUPLICATES = 3;
    private static final int REJECTED = 4;

    void run(long id, ReportKind kind, Path file, TableFormat format, Charset charset, Actor actor) {
        long started = System.nanoTime();
        Run run = new Run(id, kind, actor);
        String status = "DONE";
        String failure = null;
        try (run) {
            format.read(file, charset, run);
            run.flush();
        } catch (MalformedFileException e) {
            run.flush();
            status = "FAILED";
            failure = (e.line() > 0 ? "line " + e.line() + ": " : "") + e.getMessage();
        } catch (LocalizedException e) {
            status = "FAILED";
            failure = e.messageKey() + " " + String.join(", ", java.util.Arrays.stream(e.args()).map(String::valueOf).toList());
        } catch (IOException | RuntimeException e) {
            log.error("Import {} failed", id, e);
            status = "FAILED";
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            deleteQuietly(file);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        finish(id, run.counts, status, failure, millis);
        log.info("Import {} ({}) {}: {} rows, {} created, {} pending, {} duplicates, {} rejected in {} ms", id, kind, status,
                run.counts[ROWS], run.counts[CREATED], run.counts[PENDING], run.counts[DUPLICATES], run.counts[REJECTED], millis);
    }

    /** One import in progress: maps the header, parses rows and hands them on a chunk at a time. */
    private final class Run implements RowHandler, AutoCloseable {

        final long id;
        final ReportKind kind;
        final Actor actor;
        final long[] counts = new long[5];
        final java.util.concurrent.ExecutorService rows = Executors.newFixedThreadPool(Math.max(1, settings.parallelism()),
                Thread.ofPlatform().name("intake-import-row-", 1).daemon(true).factory());
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final Map<String, String> headings = new HashMap<>();
        final List<Parsed> chunk = new ArrayList<>();
        final List<FieldProblem> problems = new ArrayList<>();
        int storedProblems;

        record Parsed(long line, ExternalReport report) {
        }

        Run(long id, ReportKind kind, Actor actor) {
            this.id = id;
            this.kind = kind;
            this.actor = actor;
        }

        @Override
        public void close() {
            rows.shutdownNow();
        }

        @Override
        public void header(List<String> cells) {
            for (int i = 0; i < cells.size(); i++) {
                int index = i;
                String heading = cells.get(i);
                kind.column(heading).ifPresent(column -> {
                    if (columns.putIfAbsent(column.name(), index) == null) {
                        headings.put(column.name(), heading.strip());
                    }
                });
            }
            List<String> missing = kind.columns().stream()
                    .filter(c -> c.required() && !columns.containsKey(c.name()))
                    .map(c -> c.headings()[0] + " (" + c.name() + ")")
                    .toList();
            if (!missing.isEmpty()) {
                throw LocalizedException.badRequest("intake.error.missingColumns", String.join(", ", missing));
            }
        }

        @Override
        public boolean row(long line, List<String> cells) {
            counts[ROWS]++;
            Map<String, String> values = new HashMap<>();
            columns.forEach((name, index) -> {
                if (index < cells.size()) {
                    values.put(name, cells.get(index));
                }
            });
            ReportParser.Parsed parsed = parser.parse(kind, values);
            if (!parsed.ok()) {
                reject(line, parsed.externalNo(), parsed.problems());
            } else {
                chunk.add(new Parsed(line, parsed.report()));
                if (chunk.size() >= settings.chunkSize()) {
                    flush();
                }
            }
            if (counts[ROWS] % PROGRESS_EVERY == 0) {
                progress();
            }
            return true;
        }

        void flush() {
            if (!chunk.isEmpty()) {
                Set<String> numbers = new HashSet<>();
                chunk.forEach(p -> numbers.add(p.report().externalNo()));
                Map<String, IntakeRecords.Row> existing = records.existing(kind.channel(), numbers);
                Set<String> seen = new HashSet<>();
                List<Future<?>> handled = new ArrayList<>(chunk.size());
                for (Parsed p : chunk) {
                    String number = p.report().externalNo();
                    // a number repeated within the chunk is looked up again: the first row may have landed meanwhile
                    Optional<IntakeRecords.Row> known = seen.add(number) ? Optional.ofNullable(existing.get(number)) : null;
                    handled.add(rows.submit(() -> handle(p, number, known)));
                }
                for (Future<?> f : handled) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("import interrupted", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
                chunk.clear();
            }
            storeProblems();
        }

        void handle(Parsed p, String number, Optional<IntakeRecords.Row> known) {
            backpressure.await();
            try {
                Receipt receipt = reception.receive(p.report(), actor, id, p.line(), known);
                synchronized (this) {
                    switch (receipt.outcome()) {
                        case CREATED -> counts[CREATED]++;
                        case PENDING -> counts[PENDING]++;
                        case DUPLICATE -> counts[DUPLICATES]++;
                    }
                }
            } catch (LocalizedException e) {
                reject(p.line(), number, List.of(new FieldProblem(0, null, null, e.messageKey(),
                        java.util.Arrays.stream(e.args()).map(String::valueOf).toList())));
            } catch (RuntimeException e) {
                log.warn("Import {} line {}: {}", id, p.line(), e.toString());
                reject(p.line(), number, List.of(FieldProblem.of(null, "intake.row.failed", e.getClass().getSimpleName())));
            }
        }

        synchronized void reject(long line, String number, List<FieldProblem> rowProblems) {
            counts[REJECTED]++;
            for (FieldProblem p : rowProblems) {
                if (storedProblems + problems.size() >= ImportSummary.MAX_STORED_PROBLEMS) {
                    return;
                }
                String field = p.field() == null ? null : headings.getOrDefault(p.field(), p.field());
                problems.add(new FieldProblem(line, number, field, p.key(), p.args()));
            }
        }

        void storeProblems() {
            if (problems.isEmpty()) {
                return;
            }
            List<Map.Entry<Integer, FieldProblem>> numbered = new ArrayList<>(problems.size());
            for (FieldProblem p : problems) {
                numbered.add(Map.entry(storedProblems + numbered.size(), p));
            }
            template.batchUpdate("""
                    INSERT INTO intake_import_problem (import_id, seq, line, external_no, field, message_key, args)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", numbered, numbered.size(), (ps, entry) -> {
                FieldProblem p = entry.getValue();
                ps.setLong(1, id);
                ps.setInt(2, entry.getKey());
                ps.setLong(3, p.line());
                ps.setString(4, p.externalNo() == null ? null : truncate(p.externalNo(), 64));
                ps.setString(5, p.field() == null ? null : truncate(p.field(), 40));
                ps.setString(6, p.key());
                ps.setArray(7, ps.getConnection().createArrayOf("varchar",
                        p.args().stream().map(a -> truncate(a, 500)).toArray()));
            });
            storedProblems += problems.size();
            problems.clear();
        }

        void progress() {
            jdbc.sql("""
                            UPDATE intake_import SET rows_read = :rows, created = :created, pending = :pending, duplicates = :duplicates,
                                rejected = :rejected, heartbeat_at = :now WHERE id = :id""")
                    .param("rows", counts[ROWS]).param("created", counts[CREATED]).param("pending", counts[PENDING])
                    .param("duplicates", counts[DUPLICATES]).param("rejected", counts[REJECTED])
                    .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        }
    }

    private void finish(long id, long[] counts, String status, String failure, long millis) {
        jdbc.sql("""
                        UPDATE intake_import SET status = :status, rows_read = :rows, created = :created, pending = :pending,
                            duplicates = :duplicates, rejected = :rejected, failure = :failure, finished_at = :now, heartbeat_at = :now,
                            duration_ms = :millis
                        WHERE id = :id""")
                .param("status", status).param("rows", counts[ROWS]).param("created", counts[CREATED])
                .param("pending", counts[PENDING]).param("duplicates", counts[DUPLICATES]).param("rejected", counts[REJECTED])
                .param("failure", failure == null ? null : truncate(failure, 1000))
                .param("now", Timestamp.from(clock.instant())).param("millis", millis).param("id", id)
                .update();
    }

    private static ImportSummary summary(ResultSet rs, List<FieldProblem> problems) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long millis = rs.getLong("duration_ms");
        Long duration = rs.wasNull() ? null : millis;
        return new ImportSummary(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("format"), rs.getString("policy"), rs.getString("status"), rs.getLong("rows_read"),
                rs.getLong("created"), rs.getLong("pending"), rs.getLong("duplicates"), rs.getLong("rejected"),
                rs.getString("failure"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                duration, problems);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete spooled import {}: {}", file, e.toString());
        }
    }
}
