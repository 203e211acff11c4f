package org.yiwang.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The versions of the scoring scheme: read by everyone who reads assessments, changed by administrators. */
@Service
public class Schemes {

    private static final TypeReference<Map<String, Integer>> WEIGHTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Schemes(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The scheme in force: the newest version. */
    public Scheme current() {
        return jdbc.sql("SELECT version, weights::text AS weights, note, created_by, created_at FROM assessment_scheme ORDER BY version DESC LIMIT 1")
                .query((rs, n) -> row(rs)).single();
    }

    /** Every version, newest first. */
    public List<Scheme> history() {
        return jdbc.sql("SELECT version, weights::text AS weights, note, created_by, created_at FROM assessment_scheme ORDER BY version DESC")
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * A new version with these weights (indicator name → 0 to 100; a missing one is 0). Only administrators;
     * a weight out of range or an unknown indicator is refused naming it; weights equal to the current
     * scheme's make no new version (a form sent twice).
     */
    @Transactional
    public Scheme change(Map<String, Integer> weights, String note, Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        EnumMap<Indicator, Integer> parsed = new EnumMap<>(Indicator.class);
        weights.forEach((name, weight) -> {
            Indicator indicator;
            try {
                indicator = Indicator.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw LocalizedException.badRequest("assessment.error.indicator", name);
            }
            if (weight == null || weight < 0 || weight > Scheme.MAX_WEIGHT) {
                throw LocalizedException.badRequest("assessment.error.weight", name, Scheme.MAX_WEIGHT);
            }
            parsed.put(indicator, weight);
        });
        if (parsed.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw LocalizedException.badRequest("assessment.error.weightsZero");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 200) {
            throw LocalizedException.badRequest("assessment.error.note", 200);
        }
        // one change at a time: the next version number is read under a lock
        jdbc.sql("LOCK TABLE assessment_scheme IN SHARE ROW EXCLUSIVE MODE").update();
        Scheme current = current();
        if (new Scheme(0, parsed, "", 0, current.createdAt()).weights().equals(current.weights())) {
            return current;
        }
        Map<String, Integer> stored = new java.util.TreeMap<>();
        parsed.forEach((k, v) -> stored.put(k.name(), v));
        int version = current.version() + 1;
        jdbc.sql("INSERT INTO assessment_scheme (version, weights, note, created_by, created_at) VALUES (:v, CAST(:w AS jsonb), :note, :by, :at)")
                .param("v", version).param("w", json.writeValueAsString(stored)).param("note", text)
                .param("by", admin.userId()).param("at", Timestamp.from(clock.instant())).update();
        return current();
    }

    private Scheme row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Integer> raw = json.readValue(rs.getString("weights"), WEIGHTS);
        EnumMap<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
        raw.forEach((k, v) -> {
            try {
                weights.put(Indicator.valueOf(k), v);
            } catch (IllegalArgumentException retired) {
                // an indicator no longer computed keeps its place in old versions only
            }
        });
        return new Scheme(rs.getInt("version"), weights, rs.getString("note") == null ? "" : rs.getString("note"),
                rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
