package org.yiwang.sorter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.sorter.classifier.Evaluation;
import org.yiwang.sorter.classifier.Trainer;
import org.yiwang.sorter.classifier.TrainingOptions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classifier's versions (模型版本): trains a new one from the history (on the schedule or when an
 * administrator asks), keeps each with its cross-validated figures, activates one — automatically when a
 * new model does at least about as well as the active one — and rolls back to the one active before.
 * One training at a time across all nodes (a PostgreSQL advisory lock).
 */
@Service
public class SorterModels {

    private static final Logger log = LoggerFactory.getLogger(SorterModels.class);
    private static final TypeReference<Map<String, Map<String, Double>>> PER_CLASS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            version, status, created_at, activated_at, trigger, created_by, training_size, corrections, label_count,
            feature_count, macro_f1, accuracy, per_class::text AS per_class, temperature, training_millis""";

    /** Who started a training. */
    public enum Trigger { SCHEDULE, ADMIN }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TrainingHistory history;
    private final ActiveModel active;
    private final SorterProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SorterModels(JdbcClient jdbc, TransactionTemplate transactions, TrainingHistory history, ActiveModel active,
                 SorterProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.history = history;
        this.active = active;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Every version, newest first, without weights. */
    public List<ModelInfo> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sorter_model ORDER BY version DESC").query(this::info).list();
    }

    public ModelInfo get(int version) {
        return find(version).orElseThrow(() -> LocalizedException.notFound("sorter.error.modelNotFound", version));
    }

    public Optional<ModelInfo> find(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sorter_model WHERE version = :v").param("v", version).query(this::info).optional();
    }

    /** The active version, if any (else suggestions come from the catalog keywords). */
    public Optional<ModelInfo> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sorter_model WHERE status = 'ACTIVE'").query(this::info).optional();
    }

    /**
     * Trains a model on the history and stores it; activates it when automatic activation is on and it is
     * not worse than the active one by more than the tolerance. 409 when another training runs or the
     * history is too small.
     */
    public ModelInfo train(Trigger trigger, Actor actor) {
        SorterProperties.Training settings = properties.training();
        ModelInfo trained = transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('sorter.training'))").query(Boolean.class).single();
            if (!mine) {
                throw LocalizedException.conflict("sorter.error.trainingRunning");
            }
            TrainingHistory.Examples examples = history.examples(settings.maxExamples(), settings.correctionWeight(),
                    settings.minPerCategory());
            long labels = examples.examples().stream().map(e -> e.label()).distinct().count();
            if (examples.examples().size() < settings.minExamples() || labels < 2) {
                throw LocalizedException.conflict("sorter.error.notEnoughExamples", examples.examples().size(), labels,
                        settings.minExamples(), settings.minPerCategory());
            }
            TrainingOptions options = TrainingOptions.defaults().withCost(settings.cost())
                    .withCalibrationFolds(Math.min(settings.calibrationFolds(), settings.minPerCategory()));
            Trainer.Trained result = new Trainer(options).train(examples.examples());
            int version = jdbc.sql("SELECT nextval('sorter_model_version_seq')").query(Integer.class).single();
            Evaluation evaluation = result.evaluation();
            jdbc.sql("""
                            INSERT INTO sorter_model (version, status, created_at, trigger, created_by, training_size, corrections,
                                label_count, feature_count, macro_f1, accuracy, per_class, temperature, training_millis, weights)
                            VALUES (:version, 'CANDIDATE', :at, :trigger, :by, :size, :corrections, :labels, :features, :f1,
                                :accuracy, CAST(:perClass AS jsonb), :t, :millis, :weights)""")
                    .param("version", version)
                    .param("at", at(clock.instant()))
                    .param("trigger", trigger.name())
                    .param("by", actor.isSystem() ? null : actor.userId())
                    .param("size", result.examples())
                    .param("corrections", examples.corrections())
                    .param("labels", result.model().labels().size())
                    .param("features", result.model().featureCount())
                    .param("f1", evaluation == null ? null : evaluation.macroF1())
                    .param("accuracy", evaluation == null ? null : evaluation.accuracy())
                    .param("perClass", json.writeValueAsString(perClass(evaluation)))
                    .param("t", result.model().temperature())
                    .param("millis", result.millis())
                    .param("weights", result.model().toBytes())
                    .update();
            log.info("Sorter model {} trained on {} examples ({} corrections, {} categories) in {} ms: macro-F1 {}", version,
                    result.examples(), examples.corrections(), result.model().labels().size(), result.millis(),
                    evaluation == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", evaluation.macroF1()));
            Optional<ModelInfo> current = active();
            boolean better = current.isEmpty() || current.get().macroF1() == null || evaluation == null
                    || evaluation.macroF1() >= current.get().macroF1() - settings.activationTolerance();
            if (settings.autoActivate() && better) {
                switchTo(version);
            }
            return get(version);
        });
        active.refresh();
        return trained;
    }

    /** Makes {@code version} the active model; the one active before is retired. */
    public ModelInfo activate(int version, Actor actor) {
        ModelInfo info = transactions.execute(status -> {
            ModelInfo model = jdbc.sql("SELECT " + COLUMNS + " FROM sorter_model WHERE version = :v FOR UPDATE")
                    .param("v", version).query(this::info).optional()
                    .orElseThrow(() -> LocalizedException.notFound("sorter.error.modelNotFound", version));
            if (model.status() != ModelStatus.ACTIVE) {
                switchTo(version);
                log.info("Sorter model {} activated by user {}", version, actor.userId());
            }
            return get(version);
        });
        active.refresh();
        return info;
    }

    /** Brings back the model that was active before the current one. 409 when there is none. */
    public ModelInfo rollback(Actor actor) {
        Integer previous = jdbc.sql("""
                        SELECT version FROM sorter_model WHERE status = 'RETIRED' AND activated_at IS NOT NULL
                        ORDER BY activated_at DESC, version DESC LIMIT 1""")
                .query(Integer.class).optional()
                .orElseThrow(() -> LocalizedException.conflict("sorter.error.nothingToRollBack"));
        return activate(previous, actor);
    }

    private void switchTo(int version) {
        jdbc.sql("UPDATE sorter_model SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        jdbc.sql("UPDATE sorter_model SET status = 'ACTIVE', activated_at = :at WHERE version = :v")
                .param("at", at(clock.instant())).param("v", version).update();
    }

    private static Map<String, Map<String, Double>> perClass(Evaluation evaluation) {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        if (evaluation == null) {
            return result;
        }
        for (int c = 0; c < evaluation.labels().size(); c++) {
            if (evaluation.support(c) == 0) {
                continue;
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("precision", round(evaluation.precision(c)));
            figures.put("recall", round(evaluation.recall(c)));
            figures.put("f1", round(evaluation.f1(c)));
            figures.put("support", (double) evaluation.support(c));
            result.put(evaluation.labels().get(c), figures);
        }
        return result;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private ModelInfo info(ResultSet rs, int row) throws SQLException {
        return new ModelInfo(rs.getInt("version"), ModelStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "activated_at"), rs.getString("trigger"), rs.getObject("created_by", Long.class),
                rs.getInt("training_size"), rs.getInt("corrections"), rs.getInt("label_count"), rs.getInt("feature_count"),
                rs.getObject("macro_f1", Double.class), rs.getObject("accuracy", Double.class),
                json.readValue(rs.getString("per_class"), PER_CLASS), rs.getDouble("temperature"), rs.getLong("training_millis"));
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
