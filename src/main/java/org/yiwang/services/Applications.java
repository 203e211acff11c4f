package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.geo.Divisions;
import org.yiwang.ledger.Ledger;
import org.yiwang.ledger.LedgerRecord;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.Role;
import org.yiwang.registry.PersonalDataReveal;
import org.yiwang.platform.ChinaTime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 办件 — applications for service items and 一件事 bundles: applied for online by a resident, at the window, or at the
 * door by a grid worker on behalf of a resident (帮办代办, consent recorded); accepted, sent back for 补正 (the clock
 * stops), approved by the level 街社同权 allows, completed with a result and delivered; rated (好差评). Every step is in
 * the history and the ledger, in the same transaction as the change.
 */
@Service
public class Applications {

    static final String STREAM = "services";
    static final int MAX_TEXT = 1000;

    private final JdbcClient jdbc;
    private final ServiceCatalog catalog;
    private final MaterialFiles files;
    private final WorkingCalendar calendar;
    private final Ledger ledger;
    private final Organization organization;
    private final People people;
    private final Divisions divisions;
    private final PersonalDataReveal reveal;
    private final Reviews reviews;
    private final ServicesProperties properties;
    private final Clock clock;

    Applications(JdbcClient jdbc, ServiceCatalog catalog, MaterialFiles files, WorkingCalendar calendar, Ledger ledger,
                 Organization organization, People people, Divisions divisions, PersonalDataReveal reveal, Reviews reviews,
                 ServicesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.files = files;
        this.calendar = calendar;
        this.ledger = ledger;
        this.organization = organization;
        this.people = people;
        this.divisions = divisions;
        this.reveal = reveal;
        this.reviews = reviews;
        this.properties = properties;
        this.clock = clock;
    }

    /** One uploaded file for the material of that name. */
    public record Upload(String material, byte[] bytes) {
    }

    /** 帮办代办: the registry person applied for, and the consent they gave (who, how, when — in words). */
    public record OnBehalf(long registryPersonId, String consent) {
    }

    /** A walk-in applicant at the window: name and phone as the clerk took them from the ID card. */
    public record WalkIn(String name, String phone) {
    }

    /**
     * An application as a channel sends it; exactly one of {@code itemCode} and {@code bundleCode}. {@code requestId}
     * makes a double submit one application.
     */
    public record Apply(@Nullable String itemCode, @Nullable String bundleCode, @Nullable String communityCode, Delivery delivery,
                        @Nullable String mailAddress, @Nullable String note, @Nullable String requestId, List<Upload> uploads,
                        @Nullable OnBehalf onBehalf, @Nullable WalkIn walkIn) {
        public Apply {
            uploads = List.copyOf(uploads);
        }
    }

    /** What an action carries: a note or reason, the missing materials (补正), the result, a rating, files, the version seen. */
    public record Act(@Nullable String note, @Nullable String missing, @Nullable String resultNumber, @Nullable Integer rating,
                      List<Upload> uploads, @Nullable Integer version) {
        public Act {
            uploads = List.copyOf(uploads);
        }

        public static Act note(@Nullable String note) {
            return new Act(note, null, null, null, List.of(), null);
        }
    }

    // ------------------------------------------------------------------ apply

    @Transactional
    public ApplicationDetail apply(Apply command, Actor actor) {
        String requestId = command.requestId() == null || command.requestId().isBlank() ? java.util.UUID.randomUUID().toString()
                : command.requestId().strip();
        if (requestId.length() > 100) {
            throw LocalizedException.badRequest("services.error.field", "requestId");
        }
        Optional<Long> earlier = byRequest(actor.userId(), requestId);
        if (earlier.isPresent()) {
            return detail(earlier.get(), actor);
        }
        boolean item = command.itemCode() != null && !command.itemCode().isBlank();
        boolean bundle = command.bundleCode() != null && !command.bundleCode().isBlank();
        if (item == bundle) {
            throw LocalizedException.badRequest("services.error.field", "itemCode");
        }
        List<ServiceItem> items;
        @Nullable Bundle chosen = null;
        if (item) {
            ServiceItem one = catalog.find(command.itemCode().strip()).filter(ServiceItem::enabled)
                    .orElseThrow(() -> LocalizedException.badRequest("services.error.field", "itemCode"));
            items = List.of(one);
        } else {
            chosen = catalog.bundles().stream().filter(b -> b.code().equals(command.bundleCode().strip())).findFirst()
                    .orElseThrow(() -> LocalizedException.badRequest("services.error.field", "bundleCode"));
            items = chosen.items().stream().map(catalog::require).toList();
        }
        Channel channel;
        String name;
        String phone;
        @Nullable Long applicantUser = null;
        @Nullable Long personId = null;
        @Nullable Long proxy = null;
        String consent = "";
        String community = command.communityCode() == null ? "" : command.communityCode().strip();
        if (command.onBehalf() != null) {
            if (!actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF)) {
                throw LocalizedException.forbidden("error.forbidden");
            }
            String words = command.onBehalf().consent() == null ? "" : command.onBehalf().consent().strip();
            if (words.length() < 2 || words.length() > 500) {
                throw LocalizedException.badRequest("services.error.field", "consent");
            }
            PersonalDataReveal.RevealedPerson person = reveal.person(command.onBehalf().registryPersonId(), "帮办代办: " + words, actor);
            String grid = jdbc.sql("select grid_code from registry_person where id = :id").param("id", person.personId())
                    .query(String.class).single();
            channel = Channel.DOOR;
            name = person.name();
            phone = person.phone() == null ? "" : person.phone();
            personId = person.personId();
            proxy = actor.userId();
            consent = words;
            community = grid.substring(0, 12);
        } else if (command.walkIn() != null) {
            clerkLevel(actor);
            name = text(command.walkIn().name(), 100, "name", true);
            phone = text(command.walkIn().phone(), 20, "phone", true);
            if (!phone.matches("1\\d{10}")) {
                throw LocalizedException.badRequest("services.error.field", "phone");
            }
            channel = Channel.WINDOW;
            if (community.isEmpty()) {
                community = officeCode(actor);
            }
        } else {
            if (!actor.has(Role.RESIDENT)) {
                throw LocalizedException.forbidden("services.error.residentsApplyOnline");
            }
            channel = Channel.ONLINE;
            name = actor.displayName();
            phone = people.contactPhone(actor.userId()).orElse("");
            applicantUser = actor.userId();
        }
        if (Level.ofDivision(community) != Level.COMMUNITY || divisions.find(community).isEmpty()) {
            throw LocalizedException.badRequest("services.error.field", "communityCode");
        }
        if (channel == Channel.WINDOW && !actor.scope().covers(community)) {
            throw LocalizedException.forbidden("services.error.notYourTerritory");
        }
        for (ServiceItem i : items) {
            if (chosen == null && !i.offers(channel)) {
                throw LocalizedException.badRequest("services.error.channelNotOffered", i.name(), channel.label());
            }
        }
        String address = command.mailAddress() == null ? "" : command.mailAddress().strip();
        if (command.delivery() == Delivery.MAIL && (address.length() < 5 || address.length() > 300)) {
            throw LocalizedException.badRequest("services.error.field", "mailAddress");
        }
        String note = command.note() == null ? "" : text(command.note(), MAX_TEXT, "note", false);
        // materials: every file names a material of the items; online, every material needs a file
        Set<String> wanted = new LinkedHashSet<>();
        items.forEach(i -> i.materials().forEach(m -> wanted.add(m.name())));
        checkUploads(command.uploads(), wanted);
        if (channel == Channel.ONLINE) {
            Set<String> given = new LinkedHashSet<>();
            command.uploads().forEach(u -> given.add(u.material()));
            for (String m : wanted) {
                if (!given.contains(m)) {
                    throw LocalizedException.badRequest("services.error.materialMissing", m);
                }
            }
        }
        Instant now = clock.instant();
        long id = nextId();
        String number = number(id, now);
        try {
            insert(id, number, null, item ? items.getFirst().code() : null, chosen == null ? null : chosen.code(),
                    item ? ApplicationStatus.SUBMITTED : ApplicationStatus.IN_PROGRESS, community, channel, command.delivery(), address,
                    applicantUser, name, phone, personId, proxy, consent, note, actor.userId(), requestId, now,
                    item ? ServiceClock.start(items.getFirst(), now, properties.immediateLimit(), calendar).dueAt() : null);
        } catch (DuplicateKeyException e) {
            // the same request raced in: the first one stands
            return detail(byRequest(actor.userId(), requestId).orElseThrow(), actor);
        }
        List<Long> targets = new ArrayList<>();
        if (item) {
            targets.add(id);
        } else {
            int n = 1;
            for (ServiceItem i : items) {
                long child = nextId();
                insert(child, number + "-" + n++, id, i.code(), chosen.code(), ApplicationStatus.SUBMITTED, community, channel,
                        command.delivery(), address, applicantUser, name, phone, personId, proxy, consent, note, actor.userId(),
                        requestId + "#" + i.code(), now, ServiceClock.start(i, now, properties.immediateLimit(), calendar).dueAt());
                targets.add(child);
                step(child, number + "-" + (n - 1), community, actor, "SUBMIT", null, ApplicationStatus.SUBMITTED, consent, now);
            }
        }
        attach(item ? List.of(id) : targets, item ? items : items, command.uploads(), actor.userId(), now, !item ? id : null);
        step(id, number, community, actor, "SUBMIT", null, item ? ApplicationStatus.SUBMITTED : ApplicationStatus.IN_PROGRESS,
                consent, now);
        return detail(id, actor);
    }

    private void checkUploads(List<Upload> uploads, Set<String> wanted) {
        if (uploads.size() > properties.maxFiles()) {
            throw LocalizedException.badRequest("services.error.tooManyFiles", properties.maxFiles());
        }
        for (Upload u : uploads) {
            if (!wanted.contains(u.material())) {
                throw LocalizedException.badRequest("services.error.materialUnknown", u.material());
            }
            files.check(u.material(), u.bytes());
        }
    }

    /** Stores each file once and links it to every application whose item asks for that material (一件事 share materials). */
    private void attach(List<Long> targets, List<ServiceItem> items, List<Upload> uploads, long uploader, Instant now, @Nullable Long parent) {
        for (Upload u : uploads) {
            MaterialFiles.Stored stored = files.store(u.material(), u.bytes(), uploader, now);
            if (parent != null) {
                link(parent, u.material(), stored.id(), now);
            }
            for (int i = 0; i < targets.size(); i++) {
                ServiceItem item = items.get(i);
                if (item.materials().stream().anyMatch(m -> m.name().equals(u.material()))) {
                    link(targets.get(i), u.material(), stored.id(), now);
                }
            }
        }
    }

    private void link(long application, String material, long file, Instant now) {
        jdbc.sql("""
                insert into services_application_material (application_id, name, file_id, added_at) values (:a, :n, :f, :at)
                on conflict do nothing
                """).param("a", application).param("n", material).param("f", file).param("at", Timestamp.from(now)).update();
    }

    private void insert(long id, String number, @Nullable Long parent, @Nullable String item, @Nullable String bundle, ApplicationStatus status,
                        String community, Channel channel, Delivery delivery, String address, @Nullable Long applicantUser, String name,
                        String phone, @Nullable Long person, @Nullable Long proxy, String consent, String note, long createdBy,
                        String requestId, Instant now, @Nullable Instant due) {
        jdbc.sql("""
                insert into services_application (id, number, parent_id, item_code, bundle_code, status, community_code, channel, delivery,
                       mail_address, applicant_user_id, applicant_name, applicant_phone, registry_person_id, proxy_user_id, consent_note,
                       note, created_by, request_id, submitted_at, due_at)
                values (:id, :number, :parent, :item, :bundle, :status, :community, :channel, :delivery, :address, :user, :name, :phone,
                        :person, :proxy, :consent, :note, :by, :request, :at, :due)
                """).param("id", id).param("number", number).param("parent", parent).param("item", item).param("bundle", bundle)
                .param("status", status.name()).param("community", community).param("channel", channel.name())
                .param("delivery", delivery.name()).param("address", address).param("user", applicantUser).param("name", name)
                .param("phone", phone).param("person", person).param("proxy", proxy).param("consent", consent).param("note", note)
                .param("by", createdBy).param("request", requestId).param("at", Timestamp.from(now))
                .param("due", due == null ? null : Timestamp.from(due)).update();
    }

    // ------------------------------------------------------------------ act

    /** Takes one action on an application; refused naming the state (409), the level or territory (403), or the field (400). */
    @Transactional
    public ApplicationDetail act(long id, Action action, Act input, Actor actor) {
        Row row = lockRow(id).filter(r -> sees(r, actor)).orElseThrow(() -> LocalizedException.notFound("services.error.notFound", id));
        if (row.itemCode() == null) {
            throw LocalizedException.conflict("services.error.bundleActsThroughItems");
        }
        ServiceItem item = catalog.require(row.itemCode());
        @Nullable String decidedBy = null;
        switch (action.who()) {
            case CLERK -> requireClerkFor(row, actor);
            case APPROVER -> decidedBy = requireApprover(row, item, action, actor);
            case APPLICANT -> {
                boolean applicant = isApplicant(row, actor);
                boolean proxy = action == Action.SUPPLY && row.proxyUserId() != null && row.proxyUserId() == actor.userId();
                if (!applicant && !proxy) {
                    throw LocalizedException.forbidden("services.error.notApplicant");
                }
            }
        }
        if (input.version() != null && input.version() != row.version()) {
            throw LocalizedException.conflict("services.error.stale", row.number());
        }
        ApplicationStatus to = action.next(row.status());
        Instant now = clock.instant();
        ServiceClock serviceClock = row.clock();
        String note = input.note() == null ? "" : text(input.note(), MAX_TEXT, "note", false);
        Map<String, Object> set = new LinkedHashMap<>();
        switch (action) {
            case ACCEPT -> {
                set.put("accepted_at", Timestamp.from(now));
                set.put("accepted_level", requireClerkFor(row, actor).name());
            }
            case REJECT, DENY -> {
                if (note.length() < 2) {
                    throw LocalizedException.badRequest("services.error.field", "note");
                }
                set.put("reason", note);
            }
            case REQUEST_SUPPLEMENT -> {
                String missing = input.missing() == null ? "" : text(input.missing(), MAX_TEXT, "missing", false);
                if (missing.length() < 2) {
                    throw LocalizedException.badRequest("services.error.field", "missing");
                }
                set.put("missing", missing);
                serviceClock = serviceClock.suspend(now);
            }
            case SUPPLY -> {
                if (input.uploads().isEmpty()) {
                    throw LocalizedException.badRequest("services.error.materialMissing", row.missing());
                }
                Set<String> wanted = new LinkedHashSet<>();
                item.materials().forEach(m -> wanted.add(m.name()));
                checkUploads(input.uploads(), wanted);
                attach(List.of(id), List.of(item), input.uploads(), actor.userId(), now, null);
                serviceClock = serviceClock.resume(now, calendar);
            }
            case FORWARD -> {
                if (!item.departmentReview()) {
                    throw LocalizedException.conflict("services.error.noDepartmentReview", item.name());
                }
                if (note.length() < 2) {
                    throw LocalizedException.badRequest("services.error.field", "note");
                }
                set.put("forwarded_at", Timestamp.from(now));
                set.put("review_department", item.department());
            }
            case SEND_BACK -> {
                if (note.length() < 2) {
                    throw LocalizedException.badRequest("services.error.field", "note");
                }
                set.put("reason", note);
            }
            case APPROVE -> set.put("approved_level", decidedBy);
            case COMPLETE -> {
                String result = input.resultNumber() == null ? "" : text(input.resultNumber(), 100, "resultNumber", false);
                if (result.isEmpty()) {
                    throw LocalizedException.badRequest("services.error.field", "resultNumber");
                }
                set.put("result_number", result);
            }
            case RATE -> {
                if (row.rating() != null) {
                    throw LocalizedException.conflict("services.error.alreadyRated", row.number());
                }
                Integer rating = input.rating();
                if (rating == null || rating < 1 || rating > 5) {
                    throw LocalizedException.badRequest("services.error.field", "rating");
                }
                if (rating <= 2 && note.length() < 2) {
                    throw LocalizedException.badRequest("services.error.poorRatingNeedsReason");
                }
                set.put("rating", rating);
                set.put("rating_reason", note);
                set.put("rated_at", Timestamp.from(now));
            }
            case DELIVER -> {
            }
        }
        if (DEPARTMENT.equals(decidedBy)) {
            set.put("reviewed_by_unit", actor.orgUnitId());
        }
        if (to.ended() && !row.status().ended()) {
            set.put("ended_at", Timestamp.from(now));
            set.put("on_time", serviceClock.onTimeAt(now));
        }
        StringBuilder sql = new StringBuilder("update services_application set status = :status, version = version + 1, due_at = :due, "
                + "suspended_at = :suspended, paused_seconds = :paused");
        set.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        sql.append(" where id = :id and version = :version");
        var statement = jdbc.sql(sql.toString()).param("status", to.name()).param("due", Timestamp.from(serviceClock.dueAt()))
                .param("suspended", serviceClock.suspendedAt() == null ? null : Timestamp.from(serviceClock.suspendedAt()))
                .param("paused", serviceClock.paused().toSeconds()).param("id", id).param("version", row.version());
        for (Map.Entry<String, Object> e : set.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        if (statement.update() != 1) {
            throw LocalizedException.conflict("services.error.stale", row.number());
        }
        String said = switch (action) {
            case REQUEST_SUPPLEMENT -> String.valueOf(set.get("missing"));
            case COMPLETE -> String.valueOf(set.get("result_number"));
            case RATE -> input.rating() + (note.isEmpty() ? "" : " " + note);
            default -> note;
        };
        step(id, row.number(), row.communityCode(), actor, action.name(), row.status(), to, said, now);
        if (action == Action.RATE && input.rating() != null && input.rating() <= 2) {
            reviews.open(id, row.number(), row.communityCode(), input.rating(), note, now, actor);
        }
        if (to.ended() && row.parentId() != null) {
            completeBundleIfAllEnded(row.parentId(), actor, now);
        }
        return detail(id, actor);
    }

    /** A bundle is done when every one of its items has ended. */
    private void completeBundleIfAllEnded(long parent, Actor actor, Instant now) {
        jdbc.sql("select id from services_application where id = :p for update").param("p", parent).query(Long.class).single();
        boolean open = jdbc.sql("select exists (select 1 from services_application where parent_id = :p and not (status = any(:ended)))")
                .param("p", parent).param("ended", ApplicationStatus.names(ApplicationStatus.ENDED)).query(Boolean.class).single();
        if (open) {
            return;
        }
        record P(String number, String community, String status) {
        }
        P p = jdbc.sql("select number, community_code, status from services_application where id = :p").param("p", parent)
                .query((rs, n) -> new P(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        if (!p.status().equals(ApplicationStatus.IN_PROGRESS.name())) {
            return;
        }
        jdbc.sql("update services_application set status = 'DONE', ended_at = :at, version = version + 1 where id = :p")
                .param("at", Timestamp.from(now)).param("p", parent).update();
        step(parent, p.number(), p.community(), actor, "BUNDLE_DONE", ApplicationStatus.IN_PROGRESS, ApplicationStatus.DONE, "", now);
    }

    private void step(long id, String number, String community, Actor actor, String action, @Nullable ApplicationStatus from,
                      ApplicationStatus to, String note, Instant now) {
        jdbc.sql("""
                insert into services_history (application_id, at, user_id, action, from_status, to_status, note)
                values (:id, :at, :by, :action, :from, :to, :note)
                """).param("id", id).param("at", Timestamp.from(now)).param("by", actor.userId()).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", PersonalData.maskText(note)).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("action", action);
        facts.put("from", from == null ? "" : from.name());
        facts.put("to", to.name());
        ledger.append(LedgerRecord.of(STREAM, number, community, action, now, actor.userId(), facts));
    }

    // ------------------------------------------------------------------ who

    /** The level of a window clerk: community staff or a street office's staff, of the office's level. */
    public Level clerkLevel(Actor actor) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER) || actor.orgUnitId() == null) {
            throw LocalizedException.forbidden("services.error.notClerk");
        }
        Level level = Level.ofDivision(officeCode(actor));
        if (level == null) {
            throw LocalizedException.forbidden("services.error.notClerk");
        }
        return level;
    }

    /** The division code of the actor's office (the hall they sit in). */
    public String officeCode(Actor actor) {
        if (actor.orgUnitId() == null) {
            throw LocalizedException.forbidden("services.error.notClerk");
        }
        return organization.find(actor.orgUnitId()).filter(u -> !u.isDepartment()).map(u -> u.divisionCode())
                .orElseThrow(() -> LocalizedException.forbidden("services.error.notClerk"));
    }

    /** What {@code approved_level} says when the competent department approved (部门审批). */
    public static final String DEPARTMENT = "DEPARTMENT";

    /**
     * Who may approve, deny or send back: once forwarded, staff of the competent department the window forwarded it to
     * (部门审批); before, for an item the department approves, nobody (the window forwards first, 409); otherwise the
     * level the item and 街社同权 allow. Returns the level that decides.
     */
    private String requireApprover(Row row, ServiceItem item, Action action, Actor actor) {
        if (row.status() == ApplicationStatus.FORWARDED) {
            if (row.reviewDepartment() == null || !reviews(actor, row.reviewDepartment())) {
                throw LocalizedException.forbidden("services.error.notReviewingDepartment", String.valueOf(row.reviewDepartment()));
            }
            return DEPARTMENT;
        }
        if (action == Action.SEND_BACK) {
            action.next(row.status());
        }
        if (item.departmentReview() && row.status() == ApplicationStatus.ACCEPTED) {
            requireClerkFor(row, actor);
            throw LocalizedException.conflict("services.error.forwardFirst", item.department());
        }
        Level level = requireClerkFor(row, actor);
        ApprovalLevel.refusal(item, level, catalog.communitySameRights(row.communityCode())).ifPresent(key -> {
            throw LocalizedException.forbidden(key, item.name());
        });
        return level.name();
    }

    /** Whether the actor is staff of the district department named so in the catalog, within whose territory the community lies. */
    public boolean reviews(Actor actor, String department) {
        return actor.orgUnitId() != null && actor.hasAny(Role.HANDLER, Role.LEADER)
                && organization.find(actor.orgUnitId()).filter(u -> u.isDepartment())
                .map(u -> ServiceItem.departmentMatches(department, u.name())).orElse(false);
    }

    /** The catalog's department names the actor's department answers to (部门审批), empty for anyone else. */
    public List<String> reviewedDepartments(Actor actor) {
        if (actor.orgUnitId() == null || !actor.hasAny(Role.HANDLER, Role.LEADER)) {
            return List.of();
        }
        return organization.find(actor.orgUnitId()).filter(u -> u.isDepartment())
                .map(u -> catalog.departments().stream().filter(d -> ServiceItem.departmentMatches(d, u.name())).toList())
                .orElse(List.of());
    }

    public boolean isClerk(Actor actor) {
        try {
            clerkLevel(actor);
            return true;
        } catch (LocalizedException e) {
            return false;
        }
    }

    private Level requireClerkFor(Row row, Actor actor) {
        Level level = clerkLevel(actor);
        if (!actor.scope().covers(row.communityCode())) {
            throw LocalizedException.forbidden("services.error.notYourTerritory");
        }
        return level;
    }

    private boolean isApplicant(Row row, Actor actor) {
        if (row.applicantUserId() != null) {
            return row.applicantUserId() == actor.userId();
        }
        return actor.has(Role.RESIDENT) && !row.applicantPhone().isEmpty()
                && people.contactPhone(actor.userId()).map(row.applicantPhone()::equals).orElse(false);
    }

    private boolean sees(Row row, Actor actor) {
        if (isApplicant(row, actor) || (row.proxyUserId() != null && row.proxyUserId() == actor.userId())) {
            return true;
        }
        if (row.reviewDepartment() != null && actor.scope().covers(row.communityCode()) && reviews(actor, row.reviewDepartment())) {
            return true;
        }
        return actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN) && actor.scope().covers(row.communityCode());
    }

    // ------------------------------------------------------------------ read

    /** A row of a list: the item (or bundle), the applicant masked, the state, the light. */
    public record ApplicationRow(long id, String number, @Nullable String itemCode, String title, ApplicationStatus status, String communityCode,
                          Channel channel, String applicant, boolean onBehalf, Instant submittedAt, @Nullable Instant dueAt,
                          TrafficLight light, @Nullable Boolean onTime, @Nullable Integer rating) {
    }

    /** A material file's type and bytes. */
    public record FileData(String contentType, byte[] bytes) {
    }

    public record MaterialFile(String name, long fileId, String contentType, int size) {
    }

    /**
     * One step of the history. {@code channel}: how the application came in, on its {@code SUBMIT} step (the screens
     * show its name, not the code); {@code note}: what was said, on a submission by 帮办代办 the resident's consent.
     */
    public record ApplicationStep(Instant at, String action, @Nullable String from, String to, String note, @Nullable Channel channel) {
    }

    /**
     * A submission's note without the channel code that applications made before the history had a channel kept in
     * front of it ({@code DOOR 帮办代办: consent}).
     */
    static String submitNote(String note) {
        for (Channel c : Channel.values()) {
            if (note.equals(c.name())) {
                return "";
            }
            if (note.startsWith(c.name() + " ")) {
                String rest = note.substring(c.name().length() + 1);
                return rest.startsWith(LEGACY_PROXY_NOTE) ? rest.substring(LEGACY_PROXY_NOTE.length()) : rest;
            }
        }
        return note;
    }

    private static final String LEGACY_PROXY_NOTE = "帮办代办: ";

    /**
     * One application as the viewer may see it: the applicant's name and phone masked for everyone but the applicant,
     * its materials and history, a bundle's items, and the actions this viewer may take now.
     */
    public record ApplicationDetail(ApplicationRow summary, @Nullable String bundleCode, @Nullable String bundleName, String communityName,
                         Delivery delivery, String mailAddress, String applicantPhone, String consent, String note, String missing,
                         String resultNumber, String reason, @Nullable String acceptedLevel, @Nullable String approvedLevel,
                         String ratingReason, int version, List<Material> required, List<MaterialFile> materials, List<ApplicationStep> history,
                         List<ApplicationRow> items, List<Action> actions, @Nullable String reviewDepartment, boolean reviewer) {
    }

    public ApplicationDetail detail(long id, Actor actor) {
        Row row = findRow(id).filter(r -> sees(r, actor)).orElseThrow(() -> LocalizedException.notFound("services.error.notFound", id));
        boolean self = isApplicant(row, actor);
        List<MaterialFile> materials = jdbc.sql("""
                select m.name, f.id, f.content_type, f.size_bytes from services_application_material m
                  join services_file f on f.id = m.file_id where m.application_id = :id order by m.added_at, m.name
                """).param("id", id).query((rs, n) -> new MaterialFile(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list();
        List<ApplicationStep> history = jdbc.sql("select at, action, from_status, to_status, note from services_history where application_id = :id order by id")
                .param("id", id).query((rs, n) -> {
                    boolean submit = "SUBMIT".equals(rs.getString(2));
                    String note = submit ? submitNote(rs.getString(5)) : rs.getString(5);
                    return new ApplicationStep(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            self ? note : PersonalData.maskText(note), submit ? row.channel() : null);
                }).list();
        List<ApplicationRow> children = jdbc.sql(SELECT + " where a.parent_id = :id order by a.id").param("id", id)
                .query((rs, n) -> summary(mapRow(rs), actor)).list();
        List<Material> required = row.itemCode() == null ? List.of() : catalog.require(row.itemCode()).materials();
        @Nullable Bundle bundle = row.bundleCode() == null ? null
                : catalog.bundles().stream().filter(b -> b.code().equals(row.bundleCode())).findFirst().orElse(null);
        List<Action> actions = new ArrayList<>();
        if (row.itemCode() != null) {
            for (Action a : Action.values()) {
                if (a.allowedIn(row.status()) && mayTry(a, row, actor)) {
                    actions.add(a);
                }
            }
        }
        String communityName = communityName(row.communityCode());
        return new ApplicationDetail(summary(row, actor), row.bundleCode(), bundle == null ? null : bundle.name(), communityName, row.delivery(),
                self ? row.mailAddress() : PersonalData.maskText(row.mailAddress()),
                self ? row.applicantPhone() : PersonalData.maskPhone(row.applicantPhone()), row.consent(), row.note(), row.missing(),
                row.resultNumber(), row.reason(), row.acceptedLevel(), row.approvedLevel(), row.ratingReason(), row.version(), required,
                materials, history, children, actions, row.reviewDepartment(),
                row.reviewDepartment() != null && !isClerk(actor) && reviews(actor, row.reviewDepartment()));
    }

    /** A community's name, or its code when the division is unknown. */
    public String communityName(String code) {
        return divisions.find(code).map(d -> d.name()).orElse(code);
    }

    private boolean mayTry(Action a, Row row, Actor actor) {
        return switch (a.who()) {
            case CLERK -> isClerk(actor) && actor.scope().covers(row.communityCode())
                    && (a != Action.FORWARD || catalog.require(row.itemCode()).departmentReview());
            case APPROVER -> row.status() == ApplicationStatus.FORWARDED
                    ? row.reviewDepartment() != null && reviews(actor, row.reviewDepartment())
                    : a != Action.SEND_BACK && !catalog.require(row.itemCode()).departmentReview() && isClerk(actor)
                    && actor.scope().covers(row.communityCode())
                    && ApprovalLevel.refusal(catalog.require(row.itemCode()), clerkLevel(actor),
                    catalog.communitySameRights(row.communityCode())).isEmpty();
            case APPLICANT -> a == Action.RATE ? isApplicant(row, actor) && row.rating() == null
                    : isApplicant(row, actor) || (row.proxyUserId() != null && row.proxyUserId() == actor.userId());
        };
    }

    /** A material file, to those who may see an application it belongs to. */
    public FileData file(long applicationId, long fileId, Actor actor) {
        findRow(applicationId).filter(r -> sees(r, actor)).orElseThrow(() -> LocalizedException.notFound("services.error.notFound", applicationId));
        boolean linked = jdbc.sql("select exists (select 1 from services_application_material where application_id = :a and file_id = :f)")
                .param("a", applicationId).param("f", fileId).query(Boolean.class).single();
        if (!linked) {
            throw LocalizedException.notFound("services.error.notFound", applicationId);
        }
        return files.read(fileId).orElseThrow(() -> LocalizedException.notFound("services.error.notFound", applicationId));
    }

    /** My applications: those I applied for, those a grid worker applied for on my behalf (by my phone), those I applied for on others' behalf. */
    public List<ApplicationRow> mine(Actor actor) {
        String phone = people.contactPhone(actor.userId()).orElse("-");
        return jdbc.sql(SELECT + """
                 where a.parent_id is null and (a.applicant_user_id = :me or a.proxy_user_id = :me
                    or (a.applicant_user_id is null and a.applicant_phone = :phone and :resident))
                 order by a.submitted_at desc limit 100
                """).param("me", actor.userId()).param("phone", phone).param("resident", actor.has(Role.RESIDENT))
                .query((rs, n) -> summary(mapRow(rs), actor)).list();
    }

    /** The window's list: item applications of the actor's territory in some states, oldest due first. */
    public List<ApplicationRow> desk(Set<ApplicationStatus> states, int limit, Actor actor) {
        if (!actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return jdbc.sql(SELECT + """
                 where a.item_code is not null and a.status = any(:states) and a.community_code like any(:scope)
                 order by a.due_at nulls last, a.id limit :limit
                """).param("states", ApplicationStatus.names(states)).param("scope", actor.scope().likePatterns())
                .param("limit", Math.max(1, Math.min(limit, 500))).query((rs, n) -> summary(mapRow(rs), actor)).list();
    }

    /**
     * The department's review list (部门审批): applications forwarded to the actor's department within its territory,
     * waiting ({@code decided} false, oldest due first) or decided by this department (latest first).
     */
    public List<ApplicationRow> reviewQueue(boolean decided, Actor actor) {
        List<String> departments = reviewedDepartments(actor);
        if (departments.isEmpty()) {
            throw LocalizedException.forbidden("services.error.notReviewingDepartment", actor.orgUnitName() == null ? "" : actor.orgUnitName());
        }
        String where = decided
                ? " and a.reviewed_by_unit = :unit and a.status <> 'FORWARDED' order by a.forwarded_at desc"
                : " and a.status = 'FORWARDED' order by a.due_at nulls last, a.id";
        return jdbc.sql(SELECT + " where a.forwarded_at is not null and a.review_department = any(:departments)"
                        + " and a.community_code like any(:scope)" + where + " limit 200")
                .param("departments", departments.toArray(String[]::new)).param("scope", actor.scope().likePatterns())
                .param("unit", actor.orgUnitId()).query((rs, n) -> summary(mapRow(rs), actor)).list();
    }

    // ------------------------------------------------------------------ rows

    static final String SELECT = "select a.* from services_application a";

    record Row(long id, String number, @Nullable Long parentId, @Nullable String itemCode, @Nullable String bundleCode,
               ApplicationStatus status, String communityCode, Channel channel, Delivery delivery, String mailAddress,
               @Nullable Long applicantUserId, String applicantName, String applicantPhone, @Nullable Long proxyUserId, String consent,
               String note, Instant submittedAt, @Nullable Instant dueAt, @Nullable Instant suspendedAt, long pausedSeconds,
               String missing, @Nullable String acceptedLevel, @Nullable String approvedLevel, String resultNumber, String reason,
               @Nullable Boolean onTime, @Nullable Integer rating, String ratingReason, int version, @Nullable String reviewDepartment,
               @Nullable Instant forwardedAt) {

        ServiceClock clock() {
            Instant due = dueAt == null ? submittedAt : dueAt;
            return new ServiceClock(submittedAt, due, suspendedAt, Duration.ofSeconds(pausedSeconds));
        }
    }

    private Optional<Row> findRow(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, n) -> mapRow(rs)).optional();
    }

    private Optional<Row> lockRow(long id) {
        return jdbc.sql(SELECT + " where a.id = :id for update").param("id", id).query((rs, n) -> mapRow(rs)).optional();
    }

    private Optional<Long> byRequest(long user, String requestId) {
        return jdbc.sql("select id from services_application where created_by = :u and request_id = :r")
                .param("u", user).param("r", requestId).query(Long.class).optional();
    }

    static Row mapRow(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("number"), (Long) rs.getObject("parent_id"), rs.getString("item_code"),
                rs.getString("bundle_code"), ApplicationStatus.valueOf(rs.getString("status")), rs.getString("community_code"),
                Channel.valueOf(rs.getString("channel")), Delivery.valueOf(rs.getString("delivery")), rs.getString("mail_address"),
                (Long) rs.getObject("applicant_user_id"), rs.getString("applicant_name"), rs.getString("applicant_phone"),
                (Long) rs.getObject("proxy_user_id"), rs.getString("consent_note"), rs.getString("note"),
                rs.getTimestamp("submitted_at").toInstant(), instant(rs, "due_at"), instant(rs, "suspended_at"),
                rs.getLong("paused_seconds"), rs.getString("missing"), rs.getString("accepted_level"), rs.getString("approved_level"),
                rs.getString("result_number"), rs.getString("reason"), (Boolean) rs.getObject("on_time"), (Integer) rs.getObject("rating"),
                rs.getString("rating_reason"), rs.getInt("version"), rs.getString("review_department"), instant(rs, "forwarded_at"));
    }

    private ApplicationRow summary(Row row, Actor actor) {
        String title;
        if (row.itemCode() != null) {
            title = catalog.find(row.itemCode()).map(ServiceItem::name).orElse(row.itemCode());
        } else {
            title = catalog.bundles().stream().filter(b -> b.code().equals(row.bundleCode())).findFirst().map(Bundle::name)
                    .orElse(String.valueOf(row.bundleCode()));
        }
        boolean self = isApplicant(row, actor);
        TrafficLight light = row.status().open() && row.dueAt() != null ? row.clock().light(clock.instant(), calendar) : TrafficLight.GREY;
        return new ApplicationRow(row.id(), row.number(), row.itemCode(), title, row.status(), row.communityCode(), row.channel(),
                self ? row.applicantName() : PersonalData.maskName(row.applicantName()), row.proxyUserId() != null, row.submittedAt(),
                row.dueAt(), light, row.onTime(), row.rating());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private long nextId() {
        return jdbc.sql("select nextval('services_application_id_seq')").query(Long.class).single();
    }

    private static String number(long id, Instant now) {
        return "YWB-" + now.atZone(ChinaTime.ZONE).getYear() + "-" + String.format("%06d", id);
    }

    static String text(@Nullable String value, int max, String field, boolean required) {
        String v = value == null ? "" : value.strip();
        if ((required && v.isEmpty()) || v.length() > max) {
            throw LocalizedException.badRequest("services.error.field", field);
        }
        return v;
    }
}
