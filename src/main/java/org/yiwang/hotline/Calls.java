package org.yiwang.hotline;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.IdNumberCipher;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.PersonalDataAccess;
import org.yiwang.platform.Role;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls taken at the 12345 desk. A caller's number is stored only as a keyed hash (HMAC-SHA-256 with the
 * platform's lookup key, see {@link IdNumberCipher#lookupHash}) and in masked form: the desk can find a
 * caller's earlier calls when the same number calls again, but the table holds no number anyone could read or
 * test guesses against without the key. Every lookup is recorded as a personal-data access (个人信息查看留痕).
 * Creates are idempotent by the request key the form carries: a double submit records one call.
 */
@Service
public class Calls {

    public static final int MAX_NOTE = 500;
    static final String SUBJECT = "hotline.caller";

    private final JdbcClient jdbc;
    private final IdNumberCipher cipher;
    private final PersonalDataAccess access;
    private final WorkOrderQueries orders;
    private final WorkOrderActions actions;
    private final Knowledge knowledge;
    private final HotlineProperties properties;
    private final Clock clock;

    Calls(JdbcClient jdbc, IdNumberCipher cipher, PersonalDataAccess access, WorkOrderQueries orders, WorkOrderActions actions,
          Knowledge knowledge, HotlineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.access = access;
        this.orders = orders;
        this.actions = actions;
        this.knowledge = knowledge;
        this.properties = properties;
        this.clock = clock;
    }

    /** The caller's earlier calls and open orders, as far as the agent's territory reaches; the lookup is recorded. */
    @Transactional
    public CallerHistory history(CallerPhone phone, Actor agent) {
        requireAgent(agent);
        byte[] hash = hash(phone);
        access.record(agent, SUBJECT, subjectId(phone, hash), null, List.of("phone", "calls"), "12345 来电受理 / caller lookup");
        List<Call> calls = jdbc.sql("""
                        select c.*, a.question from hotline_call c left join hotline_article a on a.id = c.article_id
                        where c.phone_hash = :hash and (c.territory_code is null or c.territory_code like any (:patterns))
                        order by c.called_at desc, c.id desc limit :size""")
                .param("hash", hash).param("patterns", agent.scope().likePatterns()).param("size", properties.historySize())
                .query(Calls::row).list();
        Set<Long> ids = new LinkedHashSet<>();
        calls.stream().map(Call::orderId).filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<Long, WorkOrder> found = orders.getAll(ids, agent);
        List<CallerHistory.CallerOpenOrder> open = ids.stream().map(found::get).filter(java.util.Objects::nonNull)
                .filter(o -> o.status().isOpen())
                .map(o -> new CallerHistory.CallerOpenOrder(o.id(), o.number(), o.status(), PersonalData.maskText(o.description()),
                        repeatCalls(o.id())))
                .toList();
        return new CallerHistory(phone.masked(), calls, open);
    }

    /** How many repeat calls (重复来电) an order has had. */
    public long repeatCalls(long orderId) {
        return jdbc.sql("select count(*) from hotline_call where order_id = :id and outcome = 'REPEAT'")
                .param("id", orderId).query(Long.class).single();
    }

    /** Records that a call became the new order {@code orderId} (after the intake created it). */
    @Transactional
    public Call recordNewOrder(CallerPhone phone, long orderId, String requestKey, Actor agent) {
        requireAgent(agent);
        WorkOrder order = orders.get(orderId, agent);
        return insert(requestKey, phone, CallOutcome.NEW_ORDER, order, null, "", agent)
                .orElseGet(() -> byKey(requestKey));
    }

    /**
     * 重复来电: the caller phones again about open order {@code orderId}. The call is linked to it, counted, and
     * noted in the order's history ({@link Action#REPEAT_CALL}, sealed in the ledger, written to the journal);
     * no new order. Only an open order the agent may see can be linked; a closed one is refused (409).
     */
    @Transactional
    public Call repeat(CallerPhone phone, long orderId, @Nullable String note, String requestKey, Actor agent) {
        requireAgent(agent);
        String text = note(note);
        Call earlier = findByKey(requestKey);
        if (earlier != null) {
            return earlier;
        }
        WorkOrder order = orders.get(orderId, agent);
        if (!order.status().isOpen()) {
            throw LocalizedException.conflict("hotline.error.orderClosed", order.number());
        }
        java.util.Optional<Call> inserted = insert(requestKey, phone, CallOutcome.REPEAT, order, null, text, agent);
        if (inserted.isEmpty()) {
            return byKey(requestKey);
        }
        long count = repeatCalls(orderId);
        actions.perform(orderId, Action.REPEAT_CALL,
                ActOnOrder.note(("第 " + count + " 次重复来电" + (text.isEmpty() ? "" : "：" + text))), agent);
        return inserted.get();
    }

    /** 直接答复: the agent answered the call from knowledge-base article {@code articleId}; counted on the article. */
    @Transactional
    public Call answer(CallerPhone phone, long articleId, @Nullable String note, String requestKey, Actor agent) {
        requireAgent(agent);
        String text = note(note);
        Call earlier = findByKey(requestKey);
        if (earlier != null) {
            return earlier;
        }
        Article article = knowledge.get(articleId, agent);
        knowledge.requireUsable(article);
        java.util.Optional<Call> inserted = insert(requestKey, phone, CallOutcome.DIRECT_ANSWER, null, article.id(), text, agent);
        if (inserted.isEmpty()) {
            return byKey(requestKey);
        }
        knowledge.countAnswer(article);
        return inserted.get();
    }

    /** Calls taken since {@code from} by outcome, in the agent's territory (direct answers are city-wide). */
    public CallFigures figures(Actor agent) {
        requireAgent(agent);
        Instant from = clock.instant().minus(properties.figuresPeriod());
        Map<CallOutcome, Long> by = new java.util.EnumMap<>(CallOutcome.class);
        jdbc.sql("""
                        select outcome, count(*) n from hotline_call
                        where called_at >= :from and (territory_code is null or territory_code like any (:patterns)) group by outcome""")
                .param("from", Timestamp.from(from)).param("patterns", agent.scope().likePatterns())
                .query(rs -> {
                    by.put(CallOutcome.valueOf(rs.getString("outcome")), rs.getLong("n"));
                });
        long total = by.values().stream().mapToLong(Long::longValue).sum();
        return new CallFigures(from, total, by.getOrDefault(CallOutcome.NEW_ORDER, 0L), by.getOrDefault(CallOutcome.REPEAT, 0L),
                by.getOrDefault(CallOutcome.DIRECT_ANSWER, 0L));
    }


    private java.util.Optional<Call> insert(String requestKey, CallerPhone phone, CallOutcome outcome, @Nullable WorkOrder order,
                                            @Nullable Long articleId, String note, Actor agent) {
        String key = requestKey(requestKey);
        try {
            long id = jdbc.sql("""
                            insert into hotline_call (request_key, called_at, phone_hash, phone_masked, outcome, order_id, order_number,
                                                      article_id, note, territory_code, agent_user_id, agent_name)
                            values (:key, :at, :hash, :masked, :outcome, :order, :number, :article, :note, :territory, :agent, :name)
                            on conflict (request_key) do nothing returning id""")
                    .param("key", key).param("at", Timestamp.from(clock.instant())).param("hash", hash(phone))
                    .param("masked", phone.masked()).param("outcome", outcome.name())
                    .param("order", order == null ? null : order.id()).param("number", order == null ? null : order.number())
                    .param("article", articleId).param("note", note)
                    .param("territory", order == null ? null : order.gridCode() != null ? order.gridCode() : order.districtCode())
                    .param("agent", agent.userId()).param("name", agent.displayName())
                    .query(Long.class).optional().orElse(-1L);
            return id < 0 ? java.util.Optional.empty() : java.util.Optional.of(byKey(key));
        } catch (DuplicateKeyException e) {
            return java.util.Optional.empty();
        }
    }

    /** The call already recorded under {@code requestKey} (a form submitted twice), if any. */
    public java.util.Optional<Call> byRequestKey(String requestKey) {
        return java.util.Optional.ofNullable(findByKey(requestKey));
    }

    private @Nullable Call findByKey(String requestKey) {
        return jdbc.sql("select c.*, a.question from hotline_call c left join hotline_article a on a.id = c.article_id where c.request_key = :key")
                .param("key", requestKey(requestKey)).query(Calls::row).optional().orElse(null);
    }

    private Call byKey(String requestKey) {
        Call call = findByKey(requestKey);
        if (call == null) {
            throw new IllegalStateException("call vanished: " + requestKey);
        }
        return call;
    }

    private byte[] hash(CallerPhone phone) {
        return cipher.lookupHash("hotline.caller:" + phone.digits());
    }

    /** The masked number and the first bytes of its hash: enough to tell callers apart in the access records. */
    private static String subjectId(CallerPhone phone, byte[] hash) {
        return phone.masked() + "#" + HexFormat.of().formatHex(hash, 0, 4);
    }

    private static String requestKey(@Nullable String key) {
        String k = key == null ? "" : key.strip();
        if (k.isEmpty() || k.length() > 64 || !k.matches("[A-Za-z0-9._:-]+")) {
            throw LocalizedException.badRequest("hotline.error.requestKeyInvalid");
        }
        return k;
    }

    private static String note(@Nullable String note) {
        String n = note == null ? "" : note.strip();
        if (n.length() > MAX_NOTE || n.indexOf('\0') >= 0) {
            throw LocalizedException.badRequest("hotline.error.noteTooLong", MAX_NOTE);
        }
        return n;
    }

    private static void requireAgent(Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    static Call row(ResultSet rs, int n) throws SQLException {
        long order = rs.getLong("order_id");
        boolean noOrder = rs.wasNull();
        long article = rs.getLong("article_id");
        boolean noArticle = rs.wasNull();
        return new Call(rs.getLong("id"), rs.getTimestamp("called_at").toInstant(), rs.getString("phone_masked"),
                CallOutcome.valueOf(rs.getString("outcome")), noOrder ? null : order, rs.getString("order_number"),
                noArticle ? null : article, rs.getString("question"), rs.getString("note"), rs.getString("agent_name"));
    }

}
