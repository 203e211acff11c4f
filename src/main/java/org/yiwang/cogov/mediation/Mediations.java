package org.yiwang.cogov.mediation;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cogov.CogovProperties;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mediation desk: opens cases (from a work order or directly), lists and shows them within the reader's
 * territory, and performs every {@link MediationAction} in one transaction each — the state checked by the action
 * table, the step written to the case's history and to the ledger (stream {@code mediation}); a case whose risk
 * reaches {@code yiwang.cogov.mediation.escalate-at}, or that may turn into 信访 or 民转刑, is escalated once to the
 * dispatchers of the street's command centre.
 */
@Service
public class Mediations {

    public static final String LEDGER_STREAM = "mediation";
    public static final int LIST_LIMIT = 200;

    private static final String COLUMNS = """
            SELECT id, number, order_id, order_number, street_code, community_code, dispute_class, summary, status, risk,
                   petition_risk, criminal_risk, escalated_at, mediator_user_id, mediator_name, agreement, judicial_confirmation,
                   referral, referral_reason, created_at, updated_at, ended_at FROM cogov_mediation_case""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WorkOrderQueries orders;
    private final Organization organization;
    private final People people;
    private final Notifications notifications;
    private final Ledger ledger;
    private final CogovProperties properties;
    private final Clock clock;

    Mediations(JdbcClient jdbc, TransactionTemplate transactions, WorkOrderQueries orders, Organization organization, People people,
               Notifications notifications, Ledger ledger, CogovProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.orders = orders;
        this.organization = organization;
        this.people = people;
        this.notifications = notifications;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who may read cases (within their territory). */
    public static boolean reads(Actor actor) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN);
    }

    /** Who may open cases and act on them (within their territory). */
    public static boolean works(Actor actor) {
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.ADMIN);
    }

    /**
     * 受理: opens a case, or answers the one already opened for the same work order or request id.
     *
     * @throws LocalizedException 403 for readers who may not act, 404 for an order outside the territory, 400 for a
     *                            community outside it
     */
    public MediationCase open(MediationCommands.Open command, Actor actor) {
        requireWorker(actor);
        @Nullable WorkOrder order = command.orderId() == null ? null : orders.get(command.orderId(), actor);
        String community = order != null ? order.communityCode() : command.communityCode();
        if (community == null || community.length() != 12) {
            throw LocalizedException.badRequest("cogov.mediation.error.noCommunity", "orderId");
        }
        if (!actor.scope().covers(community)) {
            throw LocalizedException.badRequest("cogov.error.outOfScope", "communityCode", community);
        }
        if (organization.officeOf(community).isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", community);
        }
        String summary = !command.summary().isEmpty() ? command.summary()
                : order != null ? PersonalData.maskText(order.description()) : "";
        DisputeClass disputeClass = command.disputeClass() != null ? command.disputeClass()
                : DisputeClass.ofCategory(order == null ? null : order.categoryCode());
        List<MediationCommands.NewParty> parties = new ArrayList<>(command.parties());
        if (order != null && order.reporterName() != null && parties.isEmpty()) {
            parties.add(new MediationCommands.NewParty(PartyRole.APPLICANT, order.reporterName(), order.reporterPhone(), null));
        }
        Long id = transactions.execute(tx -> {
            Instant now = clock.instant();
            long seq = jdbc.sql("SELECT nextval('cogov_mediation_number_seq')").query(Long.class).single();
            String number = "TJ" + LocalDate.ofInstant(now, ChinaTime.ZONE).getYear() + "-" + String.format("%06d", seq);
            Optional<Long> created = jdbc.sql("""
                            INSERT INTO cogov_mediation_case (number, request_id, order_id, order_number, district_code, street_code,
                                   community_code, dispute_class, summary, status, risk, created_by, created_at, updated_at)
                            VALUES (:number, :request, :order, :orderNumber, :district, :street, :community, :class, :summary,
                                    'ACCEPTED', :risk, :by, :now, :now)
                            ON CONFLICT DO NOTHING RETURNING id""")
                    .param("number", number)
                    .param("request", command.requestId())
                    .param("order", order == null ? null : order.id())
                    .param("orderNumber", order == null ? null : order.number())
                    .param("district", community.substring(0, 6))
                    .param("street", community.substring(0, 9))
                    .param("community", community)
                    .param("class", disputeClass.name())
                    .param("summary", summary)
                    .param("risk", command.risk().name())
                    .param("by", actor.userId())
                    .param("now", at(now))
                    .query(Long.class).optional();
            if (created.isEmpty()) {
                return jdbc.sql("SELECT id FROM cogov_mediation_case WHERE order_id = :order OR request_id = :request LIMIT 1")
                        .param("order", order == null ? null : order.id()).param("request", command.requestId())
                        .query(Long.class).single();
            }
            long caseId = created.get();
            for (MediationCommands.NewParty p : parties) {
                insertParty(caseId, p);
            }
            history(caseId, "OPEN", MediationStatus.ACCEPTED, MediationStatus.ACCEPTED, actor, now,
                    order == null ? null : order.number());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("class", disputeClass.name());
            facts.put("risk", command.risk().name());
            facts.put("parties", parties.size());
            if (order != null) {
                facts.put("order", order.number());
            }
            ledger.append(LedgerRecord.of(LEDGER_STREAM, number, community, "OPEN", now, actor.userId(), facts));
            escalateIfRisky(caseId, actor, now);
            return caseId;
        });
        return get(id, actor);
    }

    /** The territory's cases, newest first, in any of {@code statuses} (all when empty); at most {@link #LIST_LIMIT}. */
    public List<MediationCase> list(Set<MediationStatus> statuses, Actor reader) {
        requireReader(reader);
        Set<MediationStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(MediationStatus.class) : statuses;
        return jdbc.sql(COLUMNS + " WHERE community_code LIKE ANY (:scope) AND status IN (:statuses) ORDER BY created_at DESC, id DESC LIMIT "
                        + LIST_LIMIT)
                .param("scope", reader.scope().likePatterns())
                .param("statuses", wanted.stream().map(Enum::name).toList())
                .query(Mediations::row).list();
    }

    /** One case; 404 unless it lies in the reader's territory. */
    public MediationCase get(long id, Actor reader) {
        requireReader(reader);
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(Mediations::row).optional()
                .filter(c -> reader.scope().covers(c.communityCode()))
                .orElseThrow(() -> LocalizedException.notFound("cogov.mediation.error.notFound", id));
    }

    /** The case opened for a work order, if any (and visible to the reader). */
    public Optional<MediationCase> ofOrder(long orderId, Actor reader) {
        requireReader(reader);
        return jdbc.sql(COLUMNS + " WHERE order_id = :order").param("order", orderId).query(Mediations::row).optional()
                .filter(c -> reader.scope().covers(c.communityCode()));
    }

    public MediationCase.MediationDetail detail(long id, Actor reader) {
        MediationCase c = get(id, reader);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<MediationCase.MediationParty> parties = jdbc.sql("SELECT id, role, name, phone, note FROM cogov_mediation_party WHERE case_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new MediationCase.MediationParty(rs.getLong("id"), PartyRole.valueOf(rs.getString("role")),
                        PersonalData.maskName(rs.getString("name")),
                        rs.getString("phone") == null ? null : PersonalData.maskPhone(rs.getString("phone")),
                        rs.getString("note") == null ? null : PersonalData.maskText(rs.getString("note"))))
                .list();
        List<MediationCase.MediationSession> sessions = jdbc.sql("SELECT id, held_at, place, note, recorded_by FROM cogov_mediation_session WHERE case_id = :id ORDER BY held_at, id")
                .param("id", id)
                .query((rs, n) -> new MediationCase.MediationSession(rs.getLong("id"), instant(rs, "held_at"), rs.getString("place"),
                        PersonalData.maskText(rs.getString("note")), rs.getString("recorded_by")))
                .list();
        List<MediationCase.MediationVisit> visits = jdbc.sql("SELECT id, due_on, done_at, done_by, note FROM cogov_mediation_visit WHERE case_id = :id ORDER BY due_on, id")
                .param("id", id)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    Instant done = instant(rs, "done_at");
                    return new MediationCase.MediationVisit(rs.getLong("id"), due, done, rs.getString("done_by"),
                            rs.getString("note") == null ? null : PersonalData.maskText(rs.getString("note")),
                            done == null && due.isBefore(today));
                })
                .list();
        List<MediationCase.MediationStep> history = jdbc.sql("SELECT action, from_status, to_status, actor_name, at, note FROM cogov_mediation_history WHERE case_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new MediationCase.MediationStep(rs.getString("action"), MediationStatus.valueOf(rs.getString("from_status")),
                        MediationStatus.valueOf(rs.getString("to_status")), rs.getString("actor_name"), instant(rs, "at"),
                        rs.getString("note") == null ? null : PersonalData.maskText(rs.getString("note"))))
                .list();
        Set<MediationAction> allowed = works(reader)
                ? MediationAction.allowedIn(EnumSet.allOf(MediationAction.class), c.status()) : EnumSet.noneOf(MediationAction.class);
        return new MediationCase.MediationDetail(c, parties, sessions, visits, history, allowed);
    }

    /** The community's staff who can mediate (the case's community workstation, 社区工作人员). */
    public List<UserSummary> mediators(MediationCase c) {
        return organization.officeOf(c.communityCode())
                .map(office -> people.membersOf(office.id(), Role.COMMUNITY_STAFF).stream().filter(UserSummary::enabled).toList())
                .orElse(List.of());
    }

    /** 指定调解员: one of the community's staff. */
    public MediationCase assign(long id, long mediatorUserId, Actor actor) {
        return change(id, MediationAction.ASSIGN, actor, null, (c, now) -> {
            UserSummary mediator = mediators(c).stream().filter(u -> u.id() == mediatorUserId).findFirst()
                    .orElseThrow(() -> LocalizedException.badRequest("cogov.mediation.error.notMediator", "mediatorUserId"));
            jdbc.sql("UPDATE cogov_mediation_case SET mediator_user_id = :user, mediator_name = :name WHERE id = :id")
                    .param("user", mediator.id()).param("name", mediator.displayName()).param("id", id).update();
            return Map.of("mediator", mediator.id());
        }, null);
    }

    public MediationCase addParty(long id, MediationCommands.NewParty party, Actor actor) {
        return change(id, MediationAction.ADD_PARTY, actor, null, (c, now) -> {
            long count = jdbc.sql("SELECT count(*) FROM cogov_mediation_party WHERE case_id = :id").param("id", id).query(Long.class).single();
            if (count >= MediationCommands.MAX_PARTIES) {
                throw LocalizedException.badRequest("cogov.error.tooMany", "parties", MediationCommands.MAX_PARTIES);
            }
            insertParty(id, party);
            return Map.of("role", party.role().name());
        }, null);
    }

    public MediationCase recordSession(long id, MediationCommands.RecordSession session, Actor actor) {
        return change(id, MediationAction.RECORD_SESSION, actor, session.note(), (c, now) -> {
            Instant held = session.heldAt().atZone(ChinaTime.ZONE).toInstant();
            if (held.isAfter(now.plusSeconds(300))) {
                throw LocalizedException.badRequest("cogov.error.future", "heldAt");
            }
            jdbc.sql("INSERT INTO cogov_mediation_session (case_id, held_at, place, note, recorded_by) VALUES (:id, :held, :place, :note, :by)")
                    .param("id", id).param("held", at(held)).param("place", session.place()).param("note", session.note())
                    .param("by", actor.displayName()).update();
            return Map.of("heldAt", held.toString());
        }, null);
    }

    /** 风险研判; reaching the escalation level (or a 信访 / 民转刑 risk) escalates the case once. */
    public MediationCase assessRisk(long id, MediationCommands.AssessRisk risk, Actor actor) {
        return change(id, MediationAction.ASSESS_RISK, actor, risk.note(), (c, now) -> {
            jdbc.sql("UPDATE cogov_mediation_case SET risk = :risk, petition_risk = :petition, criminal_risk = :criminal WHERE id = :id")
                    .param("risk", risk.level().name()).param("petition", risk.petitionRisk()).param("criminal", risk.criminalRisk())
                    .param("id", id).update();
            return Map.of("risk", risk.level().name(), "petition", risk.petitionRisk(), "criminal", risk.criminalRisk());
        }, (c, now) -> escalateIfRisky(id, actor, now));
    }

    /** 达成协议: needs two parties and a session; schedules the first 回访. */
    public MediationCase agree(long id, MediationCommands.Agree agree, Actor actor) {
        return change(id, MediationAction.AGREE, actor, null, (c, now) -> {
            requireParties(id);
            LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
            LocalDate due = agree.visitDue() != null ? agree.visitDue() : today.plus(properties.mediation().visitAfter());
            if (due.isBefore(today)) {
                throw LocalizedException.badRequest("cogov.error.past", "visitDue");
            }
            jdbc.sql("UPDATE cogov_mediation_case SET agreement = :agreement, judicial_confirmation = :judicial WHERE id = :id")
                    .param("agreement", agree.agreement()).param("judicial", agree.judicialConfirmation()).param("id", id).update();
            insertVisit(id, due);
            return Map.of("judicialConfirmation", agree.judicialConfirmation(), "visitDue", due.toString());
        }, null);
    }

    /** 调解不成: referred to 信访, a court, the police, arbitration or a department. */
    public MediationCase refer(long id, MediationCommands.Refer refer, Actor actor) {
        return change(id, MediationAction.REFER, actor, refer.reason(), (c, now) -> {
            jdbc.sql("UPDATE cogov_mediation_case SET referral = :to, referral_reason = :reason WHERE id = :id")
                    .param("to", refer.to().name()).param("reason", refer.reason()).param("id", id).update();
            return Map.of("to", refer.to().name());
        }, null);
    }

    public MediationCase withdraw(long id, MediationCommands.MediationNote note, Actor actor) {
        return change(id, MediationAction.WITHDRAW, actor, note.note(), (c, now) -> Map.of(), null);
    }

    public MediationCase scheduleVisit(long id, MediationCommands.ScheduleVisit visit, Actor actor) {
        return change(id, MediationAction.SCHEDULE_VISIT, actor, null, (c, now) -> {
            if (visit.due().isBefore(LocalDate.ofInstant(now, ChinaTime.ZONE))) {
                throw LocalizedException.badRequest("cogov.error.past", "due");
            }
            insertVisit(id, visit.due());
            return Map.of("due", visit.due().toString());
        }, null);
    }

    public MediationCase recordVisit(long id, MediationCommands.RecordVisit visit, Actor actor) {
        return change(id, MediationAction.RECORD_VISIT, actor, visit.note(), (c, now) -> {
            int done = jdbc.sql("""
                            UPDATE cogov_mediation_visit SET done_at = :now, done_by = :by, note = :note
                             WHERE id = :visit AND case_id = :id AND done_at IS NULL""")
                    .param("now", at(now)).param("by", actor.displayName()).param("note", visit.note())
                    .param("visit", visit.visitId()).param("id", id).update();
            if (done == 0) {
                throw LocalizedException.badRequest("cogov.mediation.error.visitNotOpen", "visitId", visit.visitId());
            }
            return Map.of("visit", visit.visitId());
        }, null);
    }

    /** 结案: after at least one visit, with none left open. */
    public MediationCase close(long id, MediationCommands.MediationNote note, Actor actor) {
        return change(id, MediationAction.CLOSE, actor, note.note(), (c, now) -> {
            Map<String, Long> counts = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE done_at IS NOT NULL) AS done, count(*) FILTER (WHERE done_at IS NULL) AS open
                              FROM cogov_mediation_visit WHERE case_id = :id""")
                    .param("id", id).query((rs, n) -> Map.of("done", rs.getLong("done"), "open", rs.getLong("open"))).single();
            if (counts.get("done") == 0 || counts.get("open") > 0) {
                throw LocalizedException.conflict("cogov.mediation.error.visitsOpen", c.number());
            }
            return Map.of();
        }, null);
    }

    interface Body {
        Map<String, ?> apply(MediationCase c, Instant now);
    }

    interface After {
        void apply(MediationCase c, Instant now);
    }

    private MediationCase change(long id, MediationAction action, Actor actor, @Nullable String note, Body body, @Nullable After after) {
        requireWorker(actor);
        transactions.executeWithoutResult(tx -> {
            MediationCase c = jdbc.sql(COLUMNS + " WHERE id = :id FOR UPDATE").param("id", id).query(Mediations::row).optional()
                    .filter(found -> actor.scope().covers(found.communityCode()))
                    .orElseThrow(() -> LocalizedException.notFound("cogov.mediation.error.notFound", id));
            MediationStatus next = action.from(c.status());
            Instant now = clock.instant();
            Map<String, Object> facts = new LinkedHashMap<>(body.apply(c, now));
            jdbc.sql("""
                            UPDATE cogov_mediation_case SET version = version + 1, status = :status, updated_at = :now,
                                   ended_at = CASE WHEN :ended THEN :now ELSE ended_at END WHERE id = :id""")
                    .param("status", next.name()).param("now", at(now)).param("ended", MediationStatus.ENDED.contains(next))
                    .param("id", id).update();
            history(id, action.name(), c.status(), next, actor, now, note);
            facts.put("from", c.status().name());
            facts.put("to", next.name());
            ledger.append(LedgerRecord.of(LEDGER_STREAM, c.number(), c.communityCode(), action.name(), now, actor.userId(), facts));
            if (after != null) {
                after.apply(c, now);
            }
        });
        return get(id, actor);
    }

    /** Escalates once when the risk calls for it: history, ledger and the street command centre's dispatchers. */
    private void escalateIfRisky(long id, Actor actor, Instant now) {
        MediationCase c = jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(Mediations::row).single();
        RiskLevel threshold = RiskLevel.valueOf(properties.mediation().escalateAt());
        boolean risky = c.risk().atLeast(threshold) || c.petitionRisk() || c.criminalRisk();
        if (!risky || c.escalatedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE cogov_mediation_case SET escalated_at = :now WHERE id = :id").param("now", at(now)).param("id", id).update();
        history(id, "ESCALATE", c.status(), c.status(), actor, now, null);
        ledger.append(LedgerRecord.of(LEDGER_STREAM, c.number(), c.communityCode(), "ESCALATE", now, actor.userId(),
                Map.of("risk", c.risk().name(), "petition", c.petitionRisk(), "criminal", c.criminalRisk())));
        Set<Long> to = new LinkedHashSet<>();
        organization.officeOf(c.streetCode()).ifPresent(office ->
                people.membersOf(office.id(), Role.DISPATCHER).stream().map(UserSummary::id).forEach(to::add));
        if (!to.isEmpty()) {
            notifications.notify(Notice.to(to, "cogov.notice.escalated", c.number())
                    .withLink("/cogov/mediation/" + id)
                    .withDedupKey("mediation-escalated:" + id));
        }
    }

    private void requireParties(long id) {
        long parties = jdbc.sql("SELECT count(*) FROM cogov_mediation_party WHERE case_id = :id").param("id", id).query(Long.class).single();
        if (parties < 2) {
            throw LocalizedException.conflict("cogov.mediation.error.twoParties");
        }
    }

    private void insertParty(long caseId, MediationCommands.NewParty p) {
        jdbc.sql("INSERT INTO cogov_mediation_party (case_id, role, name, phone, note) VALUES (:id, :role, :name, :phone, :note)")
                .param("id", caseId).param("role", p.role().name()).param("name", p.name()).param("phone", p.phone())
                .param("note", p.note()).update();
    }

    private void insertVisit(long caseId, LocalDate due) {
        jdbc.sql("INSERT INTO cogov_mediation_visit (case_id, due_on) VALUES (:id, :due)").param("id", caseId).param("due", due).update();
    }

    private void history(long caseId, String action, MediationStatus from, MediationStatus to, Actor actor, Instant now,
                         @Nullable String note) {
        jdbc.sql("""
                        INSERT INTO cogov_mediation_history (case_id, action, from_status, to_status, actor_id, actor_name, at, note)
                        VALUES (:id, :action, :from, :to, :actor, :name, :at, :note)""")
                .param("id", caseId).param("action", action).param("from", from.name()).param("to", to.name())
                .param("actor", actor.userId()).param("name", actor.displayName()).param("at", at(now)).param("note", note)
                .update();
    }

    private static void requireReader(Actor actor) {
        if (!actor.isSystem() && !reads(actor)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
    }

    private static void requireWorker(Actor actor) {
        if (!actor.isSystem() && !works(actor)) {
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

    private static MediationCase row(ResultSet rs, int n) throws SQLException {
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        long mediator = rs.getLong("mediator_user_id");
        Long mediatorId = rs.wasNull() ? null : mediator;
        boolean judicial = rs.getBoolean("judicial_confirmation");
        Boolean judicialConfirmation = rs.wasNull() ? null : judicial;
        String referral = rs.getString("referral");
        return new MediationCase(rs.getLong("id"), rs.getString("number"), orderId, rs.getString("order_number"),
                rs.getString("street_code"), rs.getString("community_code"), DisputeClass.valueOf(rs.getString("dispute_class")),
                PersonalData.maskText(rs.getString("summary")), MediationStatus.valueOf(rs.getString("status")),
                RiskLevel.valueOf(rs.getString("risk")), rs.getBoolean("petition_risk"), rs.getBoolean("criminal_risk"),
                instant(rs, "escalated_at"), mediatorId, rs.getString("mediator_name"),
                rs.getString("agreement") == null ? null : PersonalData.maskText(rs.getString("agreement")), judicialConfirmation,
                referral == null ? null : Referral.valueOf(referral),
                rs.getString("referral_reason") == null ? null : PersonalData.maskText(rs.getString("referral_reason")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "ended_at"));
    }
}
