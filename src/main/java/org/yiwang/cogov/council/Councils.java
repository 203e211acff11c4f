package org.yiwang.cogov.council;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 议事会: councils of a community with their members; topics proposed by residents (phone) or members, discussed,
 * voted on (one vote per member, kept by the primary key), adopted or rejected by {@link Tally}; resolutions with an
 * owner and a deadline, each of which can become a work order through the intake; minutes. Community staff run the
 * councils of their community; every step is in the ledger (stream {@code council}, subject {@code topic-<id>}).
 */
@Service
public class Councils {

    public static final String LEDGER_STREAM = "council";

    private static final String TOPIC_COLUMNS = """
            SELECT t.id, t.council_id, c.name AS council_name, c.community_code, t.title, t.body, t.proposed_by, t.proposer_name,
                   t.by_member, t.status, t.votes_for, t.votes_against, t.votes_abstain, t.minutes, t.created_at
              FROM cogov_topic t JOIN cogov_council c ON c.id = t.council_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final People people;
    private final Organization organization;
    private final Intake intake;
    private final Grids grids;
    private final GridLocator locator;
    private final Ledger ledger;
    private final Clock clock;

    Councils(JdbcClient jdbc, TransactionTemplate transactions, People people, Organization organization, Intake intake, Grids grids,
             GridLocator locator, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
        this.organization = organization;
        this.intake = intake;
        this.grids = grids;
        this.locator = locator;
        this.ledger = ledger;
        this.clock = clock;
    }

    // ---- councils and members

    public Council create(CouncilCommands.NewCouncil command, Actor actor) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (!actor.scope().covers(command.communityCode())) {
            throw LocalizedException.badRequest("cogov.error.outOfScope", "communityCode", command.communityCode());
        }
        if (organization.officeOf(command.communityCode()).isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", command.communityCode());
        }
        Long id = transactions.execute(tx -> {
            Optional<Long> made = jdbc.sql("""
                            INSERT INTO cogov_council (district_code, street_code, community_code, name, created_at)
                            VALUES (:district, :street, :community, :name, :now) ON CONFLICT DO NOTHING RETURNING id""")
                    .param("district", command.communityCode().substring(0, 6)).param("street", command.communityCode().substring(0, 9))
                    .param("community", command.communityCode()).param("name", command.name()).param("now", at(clock.instant()))
                    .query(Long.class).optional();
            if (made.isEmpty()) {
                throw LocalizedException.conflict("cogov.council.error.exists", command.name());
            }
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "council-" + made.get(), command.communityCode(), "CREATE", clock.instant(),
                    actor.userId(), Map.of("name", command.name())));
            return made.get();
        });
        return council(id);
    }

    /** The councils the reader runs or reads (staff: their territory), or is a member of. */
    public List<Council> list(Actor reader) {
        return jdbc.sql("""
                        SELECT c.id, c.community_code, c.name, (SELECT count(*) FROM cogov_council_member m WHERE m.council_id = c.id) AS members
                          FROM cogov_council c
                         WHERE (:staff AND c.community_code LIKE ANY (:scope))
                            OR EXISTS (SELECT 1 FROM cogov_council_member m WHERE m.council_id = c.id AND m.user_id = :user)
                         ORDER BY c.community_code, c.name LIMIT 200""")
                .param("staff", readsAsStaff(reader)).param("scope", reader.scope().likePatterns()).param("user", reader.userId())
                .query(Councils::councilRow).list();
    }

    /** Every council by name (for a resident choosing where to propose): councils are public bodies. */
    public List<Council> all() {
        return jdbc.sql("""
                        SELECT c.id, c.community_code, c.name, (SELECT count(*) FROM cogov_council_member m WHERE m.council_id = c.id) AS members
                          FROM cogov_council c ORDER BY c.community_code, c.name LIMIT 500""")
                .query(Councils::councilRow).list();
    }

    public Council.CouncilDetail detail(long councilId, Actor reader) {
        Council council = council(councilId);
        boolean member = isMember(councilId, reader.userId());
        if (!member && !(readsAsStaff(reader) && reader.scope().covers(council.communityCode()))) {
            throw LocalizedException.notFound("cogov.council.error.notFound", councilId);
        }
        List<Council.CouncilMember> members = jdbc.sql("SELECT user_id, display_name, title FROM cogov_council_member WHERE council_id = :id ORDER BY title, display_name")
                .param("id", councilId)
                .query((rs, n) -> new Council.CouncilMember(rs.getLong("user_id"), PersonalData.maskName(rs.getString("display_name")),
                        rs.getString("title")))
                .list();
        List<Council.CouncilTopic> topics = jdbc.sql(TOPIC_COLUMNS + " WHERE t.council_id = :id ORDER BY t.created_at DESC, t.id DESC LIMIT 200")
                .param("id", councilId).query(Councils::topicRow).list();
        return new Council.CouncilDetail(council, members, topics, manages(council, reader), member);
    }

    public Council.CouncilMember addMember(long councilId, CouncilCommands.AddMember command, Actor actor) {
        Council council = council(councilId);
        requireManager(council, actor);
        UserSummary user = people.findByUsername(command.username()).filter(UserSummary::enabled)
                .orElseThrow(() -> LocalizedException.badRequest("cogov.council.error.noSuchUser", "username", command.username()));
        transactions.executeWithoutResult(tx -> {
            int added = jdbc.sql("""
                            INSERT INTO cogov_council_member (council_id, user_id, display_name, title) VALUES (:c, :u, :name, :title)
                            ON CONFLICT DO NOTHING""")
                    .param("c", councilId).param("u", user.id()).param("name", user.displayName()).param("title", command.title()).update();
            if (added == 0) {
                throw LocalizedException.conflict("cogov.council.error.alreadyMember", command.username());
            }
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "council-" + councilId, council.communityCode(), "ADD_MEMBER", clock.instant(),
                    actor.userId(), Map.of("user", user.id(), "title", command.title())));
        });
        return new Council.CouncilMember(user.id(), PersonalData.maskName(user.displayName()), command.title());
    }

    // ---- topics

    /** 提出议题: by a member, a resident, or the community's staff; the same request id twice makes one topic. */
    public Council.CouncilTopic propose(CouncilCommands.Propose command, Actor actor) {
        Council council = councilOrBad(command.councilId());
        boolean member = isMember(council.id(), actor.userId());
        if (!member && !actor.has(Role.RESIDENT) && !manages(council, actor)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        Long id = transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<Long> made = jdbc.sql("""
                            INSERT INTO cogov_topic (council_id, request_id, title, body, proposed_by, proposer_name, by_member, status,
                                                     created_at, updated_at)
                            VALUES (:council, :request, :title, :body, :by, :name, :member, 'PROPOSED', :now, :now)
                            ON CONFLICT (request_id) DO NOTHING RETURNING id""")
                    .param("council", council.id()).param("request", command.requestId()).param("title", command.title())
                    .param("body", command.body()).param("by", actor.userId()).param("name", actor.displayName())
                    .param("member", member).param("now", at(now))
                    .query(Long.class).optional();
            if (made.isEmpty()) {
                return jdbc.sql("SELECT id FROM cogov_topic WHERE request_id = :r").param("r", command.requestId()).query(Long.class).single();
            }
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "topic-" + made.get(), council.communityCode(), "PROPOSE", now, actor.userId(),
                    Map.of("council", council.id(), "byMember", member)));
            return made.get();
        });
        return topic(id);
    }

    /** The reader's topics: those of the councils they belong to and those they proposed, newest first. */
    public List<Council.CouncilTopic> topicsOf(Actor reader) {
        return jdbc.sql(TOPIC_COLUMNS + " " + """
                         WHERE t.proposed_by = :user
                            OR EXISTS (SELECT 1 FROM cogov_council_member m WHERE m.council_id = t.council_id AND m.user_id = :user)
                         ORDER BY t.created_at DESC, t.id DESC LIMIT 100""")
                .param("user", reader.userId()).query(Councils::topicRow).list();
    }

    public Council.TopicDetail topicDetail(long topicId, Actor reader) {
        Council.CouncilTopic topic = readableTopic(topicId, reader);
        Council council = council(topic.councilId());
        boolean member = isMember(council.id(), reader.userId());
        boolean manager = manages(council, reader);
        boolean proposer = proposer(topicId) == reader.userId();
        List<Council.TopicComment> comments = jdbc.sql("SELECT id, name, body, at FROM cogov_topic_comment WHERE topic_id = :id ORDER BY id")
                .param("id", topicId)
                .query((rs, n) -> new Council.TopicComment(rs.getLong("id"), PersonalData.maskName(rs.getString("name")),
                        PersonalData.maskText(rs.getString("body")), instant(rs, "at")))
                .list();
        int cast = jdbc.sql("SELECT count(*) FROM cogov_topic_vote WHERE topic_id = :id").param("id", topicId).query(Integer.class).single();
        VoteChoice mine = jdbc.sql("SELECT choice FROM cogov_topic_vote WHERE topic_id = :id AND user_id = :u")
                .param("id", topicId).param("u", reader.userId()).query(String.class).optional().map(VoteChoice::valueOf).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<Council.CouncilResolution> resolutions = jdbc.sql("""
                        SELECT id, text, owner, due_on, order_id, order_number, done_at FROM cogov_resolution WHERE topic_id = :id ORDER BY id""")
                .param("id", topicId)
                .query((rs, n) -> {
                    long order = rs.getLong("order_id");
                    Long orderId = rs.wasNull() ? null : order;
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    Instant done = instant(rs, "done_at");
                    return new Council.CouncilResolution(rs.getLong("id"), rs.getString("text"), rs.getString("owner"), due, orderId,
                            rs.getString("order_number"), done, done == null && due.isBefore(today));
                })
                .list();
        Set<TopicAction> allowed = EnumSet.noneOf(TopicAction.class);
        for (TopicAction a : TopicAction.allowedActions(topic.status())) {
            boolean may = switch (a) {
                case VOTE -> member && mine == null;
                case COMMENT -> member || manager || proposer;
                default -> manager;
            };
            if (may) {
                allowed.add(a);
            }
        }
        return new Council.TopicDetail(topic, comments, cast, council.members(), mine, resolutions, allowed);
    }

    public Council.CouncilTopic comment(long topicId, String body, Actor actor) {
        String text = CouncilCommands.text(body, "body", 2000);
        return step(topicId, TopicAction.COMMENT, actor, (topic, council, now) -> {
            if (!isMember(council.id(), actor.userId()) && !manages(council, actor) && proposer(topicId) != actor.userId()) {
                throw LocalizedException.forbidden("error.forbidden");
            }
            jdbc.sql("INSERT INTO cogov_topic_comment (topic_id, user_id, name, body, at) VALUES (:t, :u, :n, :b, :at)")
                    .param("t", topicId).param("u", actor.userId()).param("n", actor.displayName()).param("b", text).param("at", at(now))
                    .update();
            return Map.of();
        });
    }

    /** 投票: members only, once each (a second vote, also a concurrent one, is a 409). */
    public Council.CouncilTopic vote(long topicId, VoteChoice choice, Actor actor) {
        if (choice == null) {
            throw LocalizedException.badRequest("cogov.error.required", "choice");
        }
        return step(topicId, TopicAction.VOTE, actor, (topic, council, now) -> {
            if (!isMember(council.id(), actor.userId())) {
                throw LocalizedException.forbidden("cogov.topic.error.notMember");
            }
            try {
                jdbc.sql("INSERT INTO cogov_topic_vote (topic_id, user_id, choice, at) VALUES (:t, :u, :c, :at)")
                        .param("t", topicId).param("u", actor.userId()).param("c", choice.name()).param("at", at(now)).update();
            } catch (DuplicateKeyException e) {
                throw LocalizedException.conflict("cogov.topic.error.voted");
            }
            return Map.of("choice", choice.name());
        });
    }

    public Council.CouncilTopic openDiscussion(long topicId, Actor actor) {
        return managed(topicId, TopicAction.OPEN_DISCUSSION, actor, (t, c, now) -> Map.of());
    }

    public Council.CouncilTopic decline(long topicId, String reason, Actor actor) {
        String text = CouncilCommands.text(reason, "reason", 1000);
        return managed(topicId, TopicAction.DECLINE, actor, (t, c, now) -> {
            jdbc.sql("UPDATE cogov_topic SET minutes = :m WHERE id = :id").param("m", text).param("id", topicId).update();
            return Map.of();
        });
    }

    public Council.CouncilTopic openVote(long topicId, Actor actor) {
        return managed(topicId, TopicAction.OPEN_VOTE, actor, (t, c, now) -> {
            if (c.members() == 0) {
                throw LocalizedException.conflict("cogov.topic.error.noMembers");
            }
            return Map.of();
        });
    }

    /** 结束表决: counts the votes; {@link Tally} decides. */
    public Council.CouncilTopic closeVote(long topicId, Actor actor) {
        return managed(topicId, TopicAction.CLOSE_VOTE, actor, (t, c, now) -> {
            Map<String, Integer> counts = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE choice = 'FOR') AS f, count(*) FILTER (WHERE choice = 'AGAINST') AS a,
                                   count(*) FILTER (WHERE choice = 'ABSTAIN') AS b FROM cogov_topic_vote WHERE topic_id = :id""")
                    .param("id", topicId).query((rs, n) -> Map.of("f", rs.getInt("f"), "a", rs.getInt("a"), "b", rs.getInt("b"))).single();
            Tally tally = new Tally(counts.get("f"), counts.get("a"), counts.get("b"), Math.max(c.members(), counts.get("f") + counts.get("a") + counts.get("b")));
            jdbc.sql("UPDATE cogov_topic SET status = :s, votes_for = :f, votes_against = :a, votes_abstain = :b WHERE id = :id")
                    .param("s", tally.outcome().name()).param("f", tally.forVotes()).param("a", tally.against()).param("b", tally.abstain())
                    .param("id", topicId).update();
            return Map.of("for", tally.forVotes(), "against", tally.against(), "abstain", tally.abstain(), "members", tally.members(),
                    "outcome", tally.outcome().name());
        });
    }

    public Council.CouncilTopic resolve(long topicId, CouncilCommands.Resolve command, Actor actor) {
        return managed(topicId, TopicAction.RESOLVE, actor, (t, c, now) -> {
            if (command.due().isBefore(LocalDate.ofInstant(now, ChinaTime.ZONE))) {
                throw LocalizedException.badRequest("cogov.error.past", "due");
            }
            jdbc.sql("INSERT INTO cogov_resolution (topic_id, text, owner, due_on, created_at) VALUES (:t, :x, :o, :d, :now)")
                    .param("t", topicId).param("x", command.text()).param("o", command.owner()).param("d", command.due())
                    .param("now", at(now)).update();
            return Map.of("due", command.due().toString());
        });
    }

    /**
     * 决议转工单: the resolution's follow-up reported through the intake in the council's community (its first grid), for
     * the command centre to file and dispatch; once per resolution.
     */
    public Council.CouncilTopic toOrder(long topicId, long resolutionId, @Nullable String address, Actor actor) {
        return managed(topicId, TopicAction.TO_ORDER, actor, (t, c, now) -> {
            Map<String, Object> r = jdbc.sql("SELECT text, owner, due_on, order_id FROM cogov_resolution WHERE id = :r AND topic_id = :t FOR UPDATE")
                    .param("r", resolutionId).param("t", topicId)
                    .query((rs, n) -> {
                        rs.getLong("order_id");
                        boolean ordered = !rs.wasNull();
                        return Map.<String, Object>of("text", rs.getString("text"), "owner", rs.getString("owner"),
                                "due", rs.getObject("due_on", LocalDate.class), "ordered", ordered);
                    })
                    .optional()
                    .orElseThrow(() -> LocalizedException.badRequest("cogov.topic.error.noResolution", "resolutionId", resolutionId));
            if ((Boolean) r.get("ordered")) {
                throw LocalizedException.conflict("cogov.topic.error.ordered");
            }
            Point point = grids.comprehensiveGridCodes(c.communityCode()).stream().findFirst().flatMap(locator::grid)
                    .map(g -> g.geometry().getInteriorPoint())
                    .orElseThrow(() -> LocalizedException.conflict("cogov.topic.error.noGrid", c.communityCode()));
            String place = address == null || address.isBlank() ? null : CouncilCommands.text(address, "address", 200);
            String description = "【" + c.name() + "决议】" + r.get("text") + "（责任人：" + r.get("owner") + "，期限：" + r.get("due") + "）";
            WorkOrder order = intake.report(new ReportProblem(description, null, point.getY(), point.getX(), null, place, Source.GRID_PATROL,
                    null, null, null, List.of(), "resolution:" + resolutionId), actor).order();
            jdbc.sql("UPDATE cogov_resolution SET order_id = :o, order_number = :n WHERE id = :r")
                    .param("o", order.id()).param("n", order.number()).param("r", resolutionId).update();
            return Map.of("resolution", resolutionId, "order", order.number());
        });
    }

    public Council.CouncilTopic finish(long topicId, long resolutionId, Actor actor) {
        return managed(topicId, TopicAction.FINISH, actor, (t, c, now) -> {
            int done = jdbc.sql("UPDATE cogov_resolution SET done_at = :now WHERE id = :r AND topic_id = :t AND done_at IS NULL")
                    .param("now", at(now)).param("r", resolutionId).param("t", topicId).update();
            if (done == 0) {
                throw LocalizedException.badRequest("cogov.topic.error.noResolution", "resolutionId", resolutionId);
            }
            return Map.of("resolution", resolutionId);
        });
    }

    public Council.CouncilTopic recordMinutes(long topicId, String minutes, Actor actor) {
        String text = CouncilCommands.text(minutes, "minutes", 10000);
        return managed(topicId, TopicAction.RECORD_MINUTES, actor, (t, c, now) -> {
            jdbc.sql("UPDATE cogov_topic SET minutes = :m WHERE id = :id").param("m", text).param("id", topicId).update();
            return Map.of("length", text.length());
        });
    }

    interface Body {
        Map<String, ?> apply(Council.CouncilTopic topic, Council council, Instant now);
    }

    private Council.CouncilTopic managed(long topicId, TopicAction action, Actor actor, Body body) {
        return step(topicId, action, actor, (topic, council, now) -> {
            requireManager(council, actor);
            return body.apply(topic, council, now);
        });
    }

    /** One step in one transaction: the topic locked, the state checked, the change, the ledger. */
    private Council.CouncilTopic step(long topicId, TopicAction action, Actor actor, Body body) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT id FROM cogov_topic WHERE id = :id FOR UPDATE").param("id", topicId).query(Long.class).optional();
            Council.CouncilTopic topic = readableTopic(topicId, actor);
            Council council = council(topic.councilId());
            TopicStatus next = action.from(topic.status());
            Instant now = clock.instant();
            Map<String, ?> facts = body.apply(topic, council, now);
            jdbc.sql("UPDATE cogov_topic SET status = CASE WHEN :keep THEN status ELSE :s END, updated_at = :now WHERE id = :id")
                    .param("keep", action == TopicAction.CLOSE_VOTE).param("s", next.name()).param("now", at(now)).param("id", topicId).update();
            ledger.append(LedgerRecord.of(LEDGER_STREAM, "topic-" + topicId, council.communityCode(), action.name(), now, actor.userId(), facts));
        });
        return topic(topicId);
    }

    private Council.CouncilTopic readableTopic(long topicId, Actor reader) {
        Council.CouncilTopic topic = jdbc.sql(TOPIC_COLUMNS + " WHERE t.id = :id").param("id", topicId).query(Councils::topicRow).optional()
                .orElseThrow(() -> LocalizedException.notFound("cogov.topic.error.notFound", topicId));
        Council council = council(topic.councilId());
        boolean readable = isMember(council.id(), reader.userId()) || proposer(topicId) == reader.userId()
                || (readsAsStaff(reader) && reader.scope().covers(council.communityCode()));
        if (!readable) {
            throw LocalizedException.notFound("cogov.topic.error.notFound", topicId);
        }
        return topic;
    }

    private long proposer(long topicId) {
        return jdbc.sql("SELECT proposed_by FROM cogov_topic WHERE id = :id").param("id", topicId).query(Long.class).single();
    }

    private Council.CouncilTopic topic(long id) {
        return jdbc.sql(TOPIC_COLUMNS + " WHERE t.id = :id").param("id", id).query(Councils::topicRow).single();
    }

    private Council council(long id) {
        return jdbc.sql("""
                        SELECT c.id, c.community_code, c.name, (SELECT count(*) FROM cogov_council_member m WHERE m.council_id = c.id) AS members
                          FROM cogov_council c WHERE c.id = :id""")
                .param("id", id).query(Councils::councilRow).optional()
                .orElseThrow(() -> LocalizedException.notFound("cogov.council.error.notFound", id));
    }

    private Council councilOrBad(long id) {
        try {
            return council(id);
        } catch (LocalizedException e) {
            throw LocalizedException.badRequest("cogov.error.invalid", "councilId", id);
        }
    }

    public boolean isMember(long councilId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_council_member WHERE council_id = :c AND user_id = :u)")
                .param("c", councilId).param("u", userId).query(Boolean.class).single();
    }

    static boolean manages(Council council, Actor actor) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.ADMIN) && actor.scope().covers(council.communityCode());
    }

    private static boolean readsAsStaff(Actor actor) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN);
    }

    private static void requireManager(Council council, Actor actor) {
        if (!manages(council, actor)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Council councilRow(ResultSet rs, int n) throws SQLException {
        return new Council(rs.getLong("id"), rs.getString("community_code"), rs.getString("name"), rs.getInt("members"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Council.CouncilTopic topicRow(ResultSet rs, int n) throws SQLException {
        return new Council.CouncilTopic(rs.getLong("id"), rs.getLong("council_id"), rs.getString("council_name"), rs.getString("title"),
                PersonalData.maskText(rs.getString("body")), PersonalData.maskName(rs.getString("proposer_name")), rs.getBoolean("by_member"),
                TopicStatus.valueOf(rs.getString("status")), integer(rs, "votes_for"), integer(rs, "votes_against"),
                integer(rs, "votes_abstain"), rs.getString("minutes"), instant(rs, "created_at"));
    }
}
