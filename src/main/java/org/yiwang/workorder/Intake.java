package org.yiwang.workorder;

import org.yiwang.platform.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.dispatch.Reason;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.dispatch.RoutingDecision;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.LonLat;
import org.yiwang.geo.Location;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * 统一接单 — one intake for every channel: validate, locate (point → grid), check the category,
 * route by the duty list and, when routing is sure, file and dispatch at once; persist the order, its
 * history, ledger records and events in one transaction. The same idempotency key from the same
 * reporter returns the first order instead of creating another.
 */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final DateTimeFormatter DAY = ChinaTime.DAY;

    private final GridLocator locator;
    private final Catalog catalog;
    private final Router router;
    private final WorkOrders orders;
    private final OrderJournal journal;
    private final PhotoStore photos;
    private final DeadlinePolicy deadlines;
    private final JdbcClient jdbc;
    private final TransitionLog history;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean autoDispatch;
    private final ObjectProvider<CategorySuggester> suggesters;
    private volatile CategorySuggester suggester;
    private final double autoCategoryConfidence;
    private final IntakeCounts counts;

    @org.springframework.beans.factory.annotation.Autowired
    Intake(GridLocator locator, Catalog catalog, Router router, WorkOrders orders, OrderJournal journal, PhotoStore photos,
           DeadlinePolicy deadlines, JdbcClient jdbc, TransitionLog history, TransactionTemplate transactions, Clock clock,
           WorkOrderProperties settings, ObjectProvider<CategorySuggester> suggesters, IntakeCounts counts) {
        this.locator = locator;
        this.catalog = catalog;
        this.router = router;
        this.orders = orders;
        this.journal = journal;
        this.photos = photos;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
        this.autoDispatch = settings.autoDispatch();
        this.suggesters = suggesters;
        this.autoCategoryConfidence = settings.autoCategoryConfidence();
        this.counts = counts;
    }

    private Intake(Intake base, Clock clock) {
        this(base.locator, base.catalog, base.router, base.orders, base.journal, base.photos, base.deadlines, base.jdbc,
                base.history, base.transactions, clock, base.autoDispatch, base.suggesters, base.autoCategoryConfidence, base.counts);
    }

    private Intake(GridLocator locator, Catalog catalog, Router router, WorkOrders orders, OrderJournal journal, PhotoStore photos,
                   DeadlinePolicy deadlines, JdbcClient jdbc, TransitionLog history, TransactionTemplate transactions, Clock clock,
                   boolean autoDispatch, ObjectProvider<CategorySuggester> suggesters, double autoCategoryConfidence,
                   IntakeCounts counts) {
        this.locator = locator;
        this.catalog = catalog;
        this.router = router;
        this.orders = orders;
        this.journal = journal;
        this.photos = photos;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
        this.autoDispatch = autoDispatch;
        this.suggesters = suggesters;
        this.autoCategoryConfidence = autoCategoryConfidence;
        this.counts = counts;
    }

    /**
     * The same intake, every rule and record included, reading the time from {@code clock}: for history that
     * happened elsewhere or is generated (the demo's past 90 days), which must carry the times it happened at
     * in its transitions, deadlines, numbers and ledger records. Call it in time order.
     */
    public Intake at(Clock clock) {
        return new Intake(this, clock);
    }

    /** {@code yiwang.workorder.auto-category-confidence}: the sorter's settings show it as the default of their own. */
    public double configuredAutoCategoryConfidence() {
        return autoCategoryConfidence;
    }

    public IntakeResult report(ReportProblem command, Actor reporter) {
        String key = blankToNull(command.idempotencyKey());
        if (key != null) {
            if (key.length() > 100) {
                throw LocalizedException.badRequest("workorder.error.idempotencyKey");
            }
            Optional<WorkOrder> earlier = orders.findByIdempotencyKey(reporterKey(reporter), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint(command, null), reporter);
            }
        }
        Prepared prepared = prepare(command, reporter, key);
        try {
            return counts.counted(transactions.execute(status -> {
                IntakeResult created = create(prepared, reporter);
                if (key != null) {
                    remember(created.order(), key, fingerprint(command, null), reporter);
                }
                return created;
            }));
        } catch (DuplicateKeyException raced) {
            // the same request arrived twice at once: the other one won, answer with its order
            return orders.findByIdempotencyKey(reporterKey(reporter), key)
                    .map(order -> replay(order, fingerprint(command, null), reporter))
                    .orElseThrow(() -> raced);
        }
    }

    private record Prepared(NewReport report, Category category, RoutingDecision routing) {
    }

    /**
     * 即发即处 — a grid worker reports a small matter found on patrol and already dealt with: the order
     * is created and closed on the spot in one transaction (never dispatched), with the full record. The
     * category must be a small matter; the same idempotency key returns the first order.
     *
     * @param note what the grid worker did (required)
     */
    public IntakeResult reportClosedOnSpot(ReportProblem command, String note, Actor reporter) {
        if (!reporter.has(Role.GRID_WORKER)) {
            throw LocalizedException.forbidden("workorder.error.actionForbidden",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("workorder.action." + Action.CLOSE_ON_SPOT.name()));
        }
        String key = blankToNull(command.idempotencyKey());
        if (key != null) {
            Optional<WorkOrder> earlier = orders.findByIdempotencyKey(reporterKey(reporter), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint(command, note), reporter);
            }
        }
        if (blankToNull(note) == null) {
            throw LocalizedException.badRequest("workorder.error.noteRequired");
        }
        if (note.length() > ActOnOrder.MAX_NOTE) {
            throw LocalizedException.badRequest("workorder.error.noteTooLong", ActOnOrder.MAX_NOTE);
        }
        if (blankToNull(command.categoryCode()) == null) {
            throw LocalizedException.badRequest("workorder.error.categoryRequired");
        }
        ReportProblem onPatrol = new ReportProblem(command.description(), command.categoryCode(), command.lat(), command.lon(),
                command.crs(), command.address(), Source.GRID_PATROL, command.urgency(), command.reporterName(),
                command.reporterPhone(), command.photoIds(), command.idempotencyKey());
        Prepared prepared = prepare(onPatrol, reporter, key);
        if (!prepared.category().smallMatter()) {
            throw LocalizedException.conflict("workorder.error.notSmallMatter");
        }
        try {
            return counts.counted(transactions.execute(status -> {
                Instant now = clock.instant();
                WorkOrder order = WorkOrder.report(prepared.report(), nextNumber(now), reporter, now, deadlines);
                if (!ActionPolicy.mayPerform(reporter, Action.CLOSE_ON_SPOT, order)) {
                    throw LocalizedException.forbidden("workorder.error.actionForbidden",
                            new org.springframework.context.support.DefaultMessageSourceResolvable("workorder.action." + Action.CLOSE_ON_SPOT.name()));
                }
                order.closeOnSpot(reporter, now, note.strip(), List.of());
                List<Transition> transitions = order.pendingTransitions();
                WorkOrder saved = journal.save(order);
                remember(saved, key, fingerprint(command, note), reporter);
                return new IntakeResult(saved, prepared.routing(), false, transitions);
            }));
        } catch (DuplicateKeyException raced) {
            return orders.findByIdempotencyKey(reporterKey(reporter), key)
                    .map(order -> replay(order, fingerprint(command, note), reporter))
                    .orElseThrow(() -> raced);
        }
    }

    /**
     * The first order of an idempotency key, when the request is the same as the one that created it; a
     * different request with the same key is refused (422, IETF Idempotency-Key draft) rather than
     * answered with an order that is not what was sent. Channels (the system actor) are exempt: they key
     * by the external number, and a re-import of a changed record is theirs to reconcile.
     */
    private IntakeResult replay(WorkOrder earlier, byte[] fingerprint, Actor reporter) {
        if (!reporter.isSystem()) {
            Optional<byte[]> sent = jdbc.sql("select fingerprint from workorder_request_fingerprint where order_id = :id")
                    .param("id", earlier.id()).query(byte[].class).optional();
            if (sent.isPresent() && !java.util.Arrays.equals(sent.get(), fingerprint)) {
                throw new LocalizedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                        "workorder.error.idempotencyKeyReused");
            }
        }
        return new IntakeResult(earlier, null, true, history.history(earlier.id()));
    }

    private void remember(WorkOrder order, String key, byte[] fingerprint, Actor reporter) {
        if (key != null && !reporter.isSystem()) {
            jdbc.sql("insert into workorder_request_fingerprint (order_id, fingerprint) values (:id, :fingerprint)")
                    .param("id", order.id()).param("fingerprint", fingerprint).update();
        }
    }

    /** SHA-256 of what was asked for, the key left out: the same request always gives the same bytes. */
    private static byte[] fingerprint(ReportProblem command, String note) {
        ReportProblem unkeyed = new ReportProblem(command.description(), command.categoryCode(), command.lat(), command.lon(),
                command.crs(), command.address(), command.source(), command.urgency(), command.reporterName(),
                command.reporterPhone(), command.photoIds(), null);
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest((unkeyed + "\u0000" + note).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private Prepared prepare(ReportProblem command, Actor reporter, String key) {
        String description = blankToNull(command.description());
        if (description == null) {
            throw LocalizedException.badRequest("workorder.error.descriptionRequired");
        }
        if (description.length() > ReportProblem.MAX_DESCRIPTION) {
            throw LocalizedException.badRequest("workorder.error.descriptionTooLong", ReportProblem.MAX_DESCRIPTION);
        }
        if (command.reporterName() != null && command.reporterName().length() > ReportProblem.MAX_REPORTER_NAME) {
            throw LocalizedException.badRequest("workorder.error.reporterNameTooLong", ReportProblem.MAX_REPORTER_NAME);
        }
        if (command.reporterPhone() != null && command.reporterPhone().length() > ReportProblem.MAX_REPORTER_PHONE) {
            throw LocalizedException.badRequest("workorder.error.reporterPhoneTooLong", ReportProblem.MAX_REPORTER_PHONE);
        }
        Source source = command.source() == null ? defaultSource(reporter) : command.source();
        if (!sourceAllowed(reporter, source)) {
            throw LocalizedException.forbidden("workorder.error.sourceNotAllowed", source.name());
        }
        if (command.lat() == null || command.lon() == null) {
            throw LocalizedException.badRequest("workorder.error.locationRequired");
        }
        if (!(command.lat() >= -90 && command.lat() <= 90)) {
            throw LocalizedException.badRequest("workorder.error.latOutOfRange", command.lat());
        }
        if (!(command.lon() >= -180 && command.lon() <= 180)) {
            throw LocalizedException.badRequest("workorder.error.lonOutOfRange", command.lon());
        }
        CoordinateSystem crs = command.crs() == null || command.crs().isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(command.crs()).orElseThrow(() -> LocalizedException.badRequest("workorder.error.crs", command.crs()));
        Location location = locator.locate(new LonLat(command.lon(), command.lat()), crs)
                .orElseThrow(() -> new LocalizedException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                        "workorder.error.outsideGrids", command.lat(), command.lon()));
        Category category = null;
        String categoryCode = blankToNull(command.categoryCode());
        if (categoryCode != null) {
            category = catalog.find(categoryCode.strip().toUpperCase(java.util.Locale.ROOT)).filter(Category::enabled)
                    .orElseThrow(() -> LocalizedException.badRequest("workorder.error.unknownCategory", command.categoryCode()));
        }
        List<CategorySuggester.Suggestion> suggestions = List.of();
        CategorySuggester.Suggestion sorted = null;
        CategorySuggester suggester = suggester();
        if (category == null && suggester != null) {
            suggestions = suggester.suggest(description, 3);
            if (!suggestions.isEmpty() && suggestions.getFirst().confidence() >= suggester.autoConfidence(autoCategoryConfidence)) {
                Optional<Category> top = catalog.find(suggestions.getFirst().categoryCode()).filter(Category::enabled);
                if (top.isPresent()) {
                    category = top.get();
                    sorted = suggestions.getFirst();
                }
            }
        }
        photos.requireAll(command.photoIds(), reporter);
        if (command.address() != null && command.address().length() > 300) {
            throw LocalizedException.badRequest("workorder.error.addressTooLong", 300);
        }
        String grid = location.comprehensiveGrid().orElse(location.grids().getFirst()).code();
        Place place = new Place(location.point().lat(), location.point().lon(), grid, location.community().code(),
                location.street().code(), location.district().code());
        NewReport report = new NewReport(description, category == null ? null : category.code(), place, blankToNull(command.address()),
                source, command.urgency() == null ? Urgency.NORMAL : command.urgency(), blankToNull(command.reporterName()),
                blankToNull(command.reporterPhone()), command.photoIds(), key, suggestions, command.externalDueAt());
        RoutingDecision routing = router.route(new RouteRequest(report.categoryCode(), grid, place.communityCode(),
                place.streetCode(), place.districtCode()));
        if (sorted != null) {
            List<Reason> reasons = new java.util.ArrayList<>(routing.reasons());
            reasons.add(1, Reason.of("SORTER", "dispatch.reason.sorter", sorted.categoryCode(),
                    String.format(java.util.Locale.ROOT, "%.2f", sorted.confidence()), String.join("、", sorted.evidence())));
            routing = new RoutingDecision(routing.routed(), routing.outcome(), routing.level(), routing.orgUnitId(), routing.orgUnitName(),
                    routing.userId(), routing.assistOrgUnitIds(), routing.principle(), routing.ruleId(), reasons);
        }
        return new Prepared(report, category, routing);
    }

    private IntakeResult create(Prepared prepared, Actor reporter) {
        Instant now = clock.instant();
        WorkOrder order = WorkOrder.report(prepared.report(), nextNumber(now), reporter, now, deadlines);
        RoutingDecision routing = prepared.routing();
        if (autoDispatch && routing.routed()) {
            Actor system = Actor.system();
            order.register(prepared.category().code(), order.urgency(), system, now, SystemNotes.AUTO_FILED, deadlines);
            order.dispatch(new Assignment(routing.orgUnitId(), routing.orgUnitName(), routing.userId(),
                            routing.level() == null ? "LEARNED" : routing.level().name(), routing.assistOrgUnitIds(),
                            routing.reasons().stream().map(r -> r.rule()).distinct().toList()),
                    system, now, SystemNotes.AUTO_DISPATCHED, deadlines);
        }
        List<Transition> transitions = order.pendingTransitions();
        WorkOrder saved = journal.save(order);
        log.debug("Order {} reported in grid {} by user {}", saved.number(), saved.gridCode(), reporter.userId());
        return new IntakeResult(saved, routing, false, transitions);
    }

    /** The sorter, looked up once: a bean lookup on every report cost more than some of the report's own work. */
    private CategorySuggester suggester() {
        CategorySuggester found = suggester;
        if (found == null) {
            found = suggesters.getIfAvailable();
            suggester = found;
        }
        return found;
    }

    private String nextNumber(Instant now) {
        long n = jdbc.sql("select nextval('workorder_number_seq')").query(Long.class).single();
        String digits = Long.toString(n);
        return "YW" + DAY.format(now) + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    private static Source defaultSource(Actor reporter) {
        return reporter.has(Role.GRID_WORKER) ? Source.GRID_PATROL : Source.RESIDENT;
    }

    /** Residents report as residents, grid workers on patrol; channel sources need a dispatcher or an integration account. */
    static boolean sourceAllowed(Actor reporter, Source source) {
        if (reporter.isSystem() || reporter.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            return true;
        }
        return switch (source) {
            case RESIDENT -> true;
            case GRID_PATROL -> reporter.hasAny(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
            default -> false;
        };
    }

    private static long reporterKey(Actor reporter) {
        return reporter.isSystem() ? 0 : reporter.userId();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }
}
