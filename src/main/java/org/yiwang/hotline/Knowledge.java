package org.yiwang.hotline;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.platform.ChinaTime;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The knowledge base (知识库). Agents (dispatchers) search it while the caller waits — question, answer,
 * category and tags, segmented by smartcn and matched with PostgreSQL full-text search on a GIN index,
 * best match first — and see only articles still valid today. Administrators edit it.
 */
@Service
public class Knowledge {

    static final ZoneId ZONE = ChinaTime.ZONE;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HotlineProperties properties;

    Knowledge(JdbcClient jdbc, Clock clock, HotlineProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Articles agents may answer from today matching {@code query}, best first; with no words, the most used. */
    public List<Article> search(@Nullable String query, Actor actor) {
        requireAgent(actor);
        String words = Terms.anyOf(query);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (words == null) {
            return jdbc.sql("""
                            select * from hotline_article where not archived and (valid_until is null or valid_until >= :today)
                            order by answered_count desc, id limit :size""")
                    .param("today", Date.valueOf(today)).param("size", properties.searchSize())
                    .query(Knowledge::row).list();
        }
        return jdbc.sql("""
                        select * from hotline_article
                        where search @@ to_tsquery('simple', :words) and not archived and (valid_until is null or valid_until >= :today)
                        order by ts_rank(search, to_tsquery('simple', :words)) desc, answered_count desc, id limit :size""")
                .param("words", words).param("today", Date.valueOf(today)).param("size", properties.searchSize())
                .query(Knowledge::row).list();
    }

    /** Every article, archived and expired ones too, for the editors' list; optionally matching {@code query}. */
    public List<Article> all(@Nullable String query, Actor actor) {
        requireAgent(actor);
        String words = Terms.anyOf(query);
        return jdbc.sql("""
                        select * from hotline_article where (cast(:words as text) is null or search @@ to_tsquery('simple', :words))
                        order by archived, category, id limit 500""")
                .param("words", words).query(Knowledge::row).list();
    }

    public Article get(long id, Actor actor) {
        requireAgent(actor);
        return jdbc.sql("select * from hotline_article where id = :id").param("id", id).query(Knowledge::row).optional()
                .orElseThrow(() -> LocalizedException.notFound("hotline.article.error.notFound", id));
    }

    /**
     * Writes a new article. With a {@code requestKey} (the console form always sends one) the same create sent
     * twice makes one article: the second answers the first.
     */
    @Transactional
    public Article create(ArticleDraft draft, @Nullable String requestKey, Actor actor) {
        requireEditor(actor);
        String key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        if (key != null && (key.length() > 64 || !key.matches("[A-Za-z0-9._:-]+"))) {
            throw LocalizedException.badRequest("hotline.error.requestKeyInvalid");
        }
        if (key != null) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "hotline.article:" + key).query(rs -> {
            });
            java.util.Optional<Long> earlier = jdbc.sql("select id from hotline_article where request_key = :key")
                    .param("key", key).query(Long.class).optional();
            if (earlier.isPresent()) {
                return get(earlier.get(), actor);
            }
        }
        long id = insert(draft, actor.userId());
        if (key != null) {
            jdbc.sql("update hotline_article set request_key = :key where id = :id").param("key", key).param("id", id).update();
        }
        return get(id, actor);
    }

    /** Writes an article on the platform's behalf (demo data); the caller decides that it may. */
    long insert(ArticleDraft draft, long byUser) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into hotline_article (question, answer, category, tags, valid_until, owner, terms, created_at, created_by, updated_at)
                        values (:q, :a, :c, :tags, :until, :owner, :terms, :now, :by, :now) returning id""")
                .params(fields(draft)).param("now", now).param("by", byUser)
                .query(Long.class).single();
    }

    /** Changes an article; {@code version} is the one the editor read (a concurrent change is refused, 409). */
    @Transactional
    public Article update(long id, int version, ArticleDraft draft, boolean archived, Actor actor) {
        requireEditor(actor);
        get(id, actor);
        int changed = jdbc.sql("""
                        update hotline_article set question = :q, answer = :a, category = :c, tags = :tags, valid_until = :until,
                               owner = :owner, terms = :terms, archived = :archived, updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .params(fields(draft)).param("archived", archived).param("now", Timestamp.from(clock.instant()))
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            throw LocalizedException.conflict("error.concurrentChange");
        }
        return get(id, actor);
    }

    /** Refuses (409) an article agents may no longer answer from: archived or past its valid-until day. */
    void requireUsable(Article article) {
        if (!article.usableOn(LocalDate.now(clock.withZone(ZONE)))) {
            throw LocalizedException.conflict("hotline.article.error.notUsable", article.id());
        }
    }

    /** Counts one call answered from the article. */
    void countAnswer(Article article) {
        jdbc.sql("update hotline_article set answered_count = answered_count + 1 where id = :id").param("id", article.id()).update();
    }

    private static java.util.Map<String, Object> fields(ArticleDraft d) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("q", d.question());
        m.put("a", d.answer());
        m.put("c", d.category());
        m.put("tags", String.join(",", d.tags()));
        m.put("until", d.validUntil() == null ? null : Date.valueOf(d.validUntil()));
        m.put("owner", d.owner());
        m.put("terms", Terms.indexed(d.question(), d.answer(), d.category(), String.join(" ", d.tags())));
        return m;
    }

    static void requireAgent(Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN, Role.LEADER)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static void requireEditor(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static Article row(ResultSet rs, int n) throws SQLException {
        Date until = rs.getDate("valid_until");
        String tags = rs.getString("tags");
        return new Article(rs.getLong("id"), rs.getString("question"), rs.getString("answer"), rs.getString("category"),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")), until == null ? null : until.toLocalDate(),
                rs.getString("owner"), rs.getLong("answered_count"), rs.getBoolean("archived"),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
