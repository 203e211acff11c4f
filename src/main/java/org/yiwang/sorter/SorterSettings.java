package org.yiwang.sorter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.Intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * 分拣设置 — what administrators set on the sorter's screen, stored in the database: the confidence at or above
 * which a report without a category is filed (and, with automatic dispatch, dispatched) under the sorter's top
 * suggestion. Unset, the configured {@code yiwang.workorder.auto-category-confidence} applies. Each node reads the
 * stored value again after {@code yiwang.sorter.refresh-interval}, so a change made on another node arrives too.
 */
@Service
public class SorterSettings {

    /**
     * @param autoConfidence    the threshold in force
     * @param configuredDefault {@code yiwang.workorder.auto-category-confidence}, in force when nothing is stored
     * @param stored            whether an administrator's value is in force
     * @param changedAt         when it was last changed (null if never)
     * @param changedBy         by whom (user id)
     */
    public record Settings(double autoConfidence, double configuredDefault, boolean stored, Instant changedAt, Long changedBy) {
    }

    private record Cached(Optional<Double> value, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Intake intake;
    private final SorterProperties properties;
    private final Clock clock;
    private volatile Cached cached;

    SorterSettings(JdbcClient jdbc, Intake intake, SorterProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(Double autoConfidence, Instant changedAt, Long changedBy) {
    }

    public Settings get() {
        Optional<Row> row = row();
        double configured = intake.configuredAutoCategoryConfidence();
        Double stored = row.map(Row::autoConfidence).orElse(null);
        return new Settings(stored == null ? configured : stored, configured, stored != null,
                row.map(Row::changedAt).orElse(null), row.map(Row::changedBy).orElse(null));
    }

    /**
     * Sets the threshold as typed (a number within (0, 1], a comma accepted as the decimal mark); blank goes back to
     * the configured default. Anything else is refused with a 400 naming the field.
     */
    public Settings changeAutoConfidence(String typed, Actor admin) {
        Double value = parse(typed);
        jdbc.sql("""
                        INSERT INTO sorter_settings (id, auto_confidence, changed_at, changed_by) VALUES (TRUE, :v, :at, :by)
                        ON CONFLICT (id) DO UPDATE SET auto_confidence = :v, changed_at = :at, changed_by = :by""")
                .param("v", value).param("at", java.sql.Timestamp.from(clock.instant())).param("by", admin.isSystem() ? null : admin.userId())
                .update();
        cached = new Cached(Optional.ofNullable(value), clock.instant());
        return get();
    }

    static Double parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(typed.strip().replace(',', '.').toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw LocalizedException.badRequest("sorter.error.autoConfidence", typed.strip());
        }
        if (!(value > 0 && value <= 1)) {
            throw LocalizedException.badRequest("sorter.error.autoConfidence", typed.strip());
        }
        return value;
    }

    /** The administrators' threshold, if they set one; read again after the refresh interval. */
    Optional<Double> autoConfidence() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || !c.readAt().plus(properties.refreshInterval()).isAfter(now)) {
            c = new Cached(row().map(Row::autoConfidence), now);
            cached = c;
        }
        return c.value();
    }

    private Optional<Row> row() {
        return jdbc.sql("SELECT auto_confidence, changed_at, changed_by FROM sorter_settings WHERE id")
                .query((rs, n) -> new Row(rs.getObject(1) == null ? null : rs.getDouble(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3) == null ? null : rs.getLong(3)))
                .optional();
    }
}
