package org.yiwang.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.intake.StandardAddresses;
import org.jspecify.annotations.Nullable;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.whistle.BlowWhistle;
import org.yiwang.whistle.Outcome;
import org.yiwang.whistle.RecordOutcome;
import org.yiwang.whistle.ReportIn;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleActions;
import org.yiwang.whistle.WhistleKind;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;
import org.yiwang.platform.ChinaTime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * One generation of the demo history. Every report and step goes through the real {@link Intake},
 * {@link WorkOrderActions} and {@link WhistleActions}, given a {@link StepClock} that reads the time of the
 * step being taken: so routing, time limits, the working calendar, the journal, the ledger and every rule
 * apply as they would have on that day. The steps of all orders run in one time-ordered queue, so the
 * ledger and the journal grow in time order, as they would have. A step whose time lies after now is not
 * taken: recent orders stay where they are, in every state; a few orders are slow on purpose (overdue, 督办).
 */
final class HistoryRun {

    private static final Logger log = LoggerFactory.getLogger(HistoryRun.class);
    private static final ZoneId ZONE = ChinaTime.ZONE;
    static final String DISTRICT = "320104";
    private static final String CHANNELS = "RGHUO";
    private static final int[] CHANNEL_WEIGHTS = {30, 30, 25, 10, 5};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱"};
    private static final String[] TITLES = {"先生", "女士", "阿姨", "师傅"};
    /** Reports by hour of the day (0–23), a city's rhythm: few at night, peaks in the morning and early evening. */
    private static final int[] HOURS = {1, 0, 0, 0, 0, 1, 2, 5, 9, 10, 9, 7, 5, 6, 8, 8, 7, 6, 7, 8, 6, 4, 2, 1};

    private final DemoProperties properties;
    private final StandardAddresses addresses;
    private final GridLocator locator;
    private final Grids grids;
    private final People people;
    private final Organization organization;
    private final Catalog catalog;
    private final Clock realClock;
    private final StepClock stepClock;
    private final Intake intake;
    private final WorkOrderActions actions;
    private final WhistleActions whistles;
    private final WorkOrderQueries queries;
    private final TransactionTemplate transactions;
    private final Random random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Map<String, Optional<Actor>> actorsByName = new HashMap<>();
    private final Map<Long, Optional<Actor>> actorsById = new HashMap<>();
    private final Map<Long, Actor> leadsByUnit = new HashMap<>();
    private final GeometryFactory geometry = new GeometryFactory();
    private long sequence;
    private int orders;
    private int steps;
    private int whistlesBlown;
    private int failures;

    HistoryRun(DemoProperties properties, Intake intake, WorkOrderActions actions, WhistleActions whistles,
               StandardAddresses addresses, GridLocator locator, Grids grids, People people, Organization organization,
               Catalog catalog, WorkOrderQueries queries, TransactionTemplate transactions, Clock clock) {
        this.queries = queries;
        this.transactions = transactions;
        this.properties = properties;
        this.addresses = addresses;
        this.locator = locator;
        this.grids = grids;
        this.people = people;
        this.organization = organization;
        this.catalog = catalog;
        this.realClock = clock;
        this.stepClock = new StepClock(clock.instant(), ZONE);
        this.intake = intake.at(stepClock);
        this.actions = actions.at(stepClock);
        this.whistles = whistles.at(stepClock);
        this.random = new Random(properties.seed());
    }

    record Summary(int orders, int steps, int whistles, int addresses, int failures, long millis) {
    }

    Summary generate() {
        long started = System.nanoTime();
        Map<String, List<IndexedGrid>> streets = territory();
        if (streets.isEmpty()) {
            log.warn("No demo history: {} has no comprehensive grids", DISTRICT);
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        // one commit for all addresses: their points lie inside grids by construction, so none is refused
        Integer saved = transactions.execute(status -> standardAddresses(streets));
        log.info("Demo history: {} standard addresses in {} ms", saved, (System.nanoTime() - started) / 1_000_000);
        List<Kind> kinds = Kind.load(catalog);
        Instant now = realClock.instant();
        plan(streets, kinds, now);
        while (!queue.isEmpty()) {
            Event event = queue.poll();
            stepClock.set(event.at());
            try {
                event.step().run();
                steps++;
            } catch (RuntimeException refused) {
                failures++;
                if (failures <= 5) {
                    log.info("Demo history: a step was refused ({}): {}", event.plan().number(), refused.getMessage());
                }
            }
        }
        return new Summary(orders, steps, whistlesBlown, saved == null ? 0 : saved, failures, (System.nanoTime() - started) / 1_000_000);
    }

    // --- territory and standard addresses ------------------------------------------------------------------------

    private Map<String, List<IndexedGrid>> territory() {
        List<String> codes = grids.comprehensiveGridCodes(DISTRICT);
        if (!codes.isEmpty() && locator.grid(codes.getFirst()).isEmpty()) {
            locator.refresh();
        }
        Map<String, List<IndexedGrid>> byStreet = new TreeMap<>();
        for (String code : codes) {
            locator.grid(code).ifPresent(grid -> byStreet.computeIfAbsent(code.substring(0, 9), s -> new ArrayList<>()).add(grid));
        }
        return byStreet;
    }

    /** Door numbers 1–24 of each demo road, at points inside one of its street's grids (roads.tsv). */
    private int standardAddresses(Map<String, List<IndexedGrid>> streets) {
        int saved = 0;
        Actor system = Actor.system();
        for (String[] row : Tsv.read("demo/roads.tsv")) {
            List<IndexedGrid> inStreet = streets.get(row[0]);
            if (inStreet == null) {
                continue;
            }
            String[] roads = row[1].split("、");
            for (int r = 0; r < roads.length; r++) {
                IndexedGrid grid = inStreet.get((r * inStreet.size()) / roads.length + random.nextInt(Math.max(1, inStreet.size() / roads.length)));
                for (int n = 1; n <= 24; n++) {
                    Point point = pointIn(grid.geometry());
                    addresses.save(row[0] + "%02d%04d".formatted(r + 1, n), "南京市秦淮区" + roads[r] + n + "号",
                            point.getX(), point.getY(), "WGS84", system);
                    saved++;
                }
            }
        }
        return saved;
    }

    private Point pointIn(Geometry area) {
        Envelope box = area.getEnvelopeInternal();
        for (int i = 0; i < 50; i++) {
            Point p = geometry.createPoint(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight()));
            if (area.contains(p)) {
                return p;
            }
        }
        return area.getInteriorPoint();
    }

    // --- the plan of reports ---------------------------------------------------------------------------------------

    private void plan(Map<String, List<IndexedGrid>> streets, List<Kind> kinds, Instant now) {
        List<String> streetCodes = new ArrayList<>(streets.keySet());
        List<String> places = Tsv.read("demo/places.tsv").stream().map(r -> r[0]).toList();
        int totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        int index = 0;
        List<Plan> vague = new ArrayList<>();
        for (int d = properties.days(); d >= 0; d--) {
            LocalDate day = today.minusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            int count = (int) Math.round(properties.ordersPerDay() * (weekend ? 0.6 : 1.15) * (0.75 + random.nextDouble() * 0.5));
            for (int i = 0; i < count; i++) {
                Instant at = ZonedDateTime.of(day, java.time.LocalTime.of(hour(), random.nextInt(60), random.nextInt(60)), ZONE)
                        .toInstant();
                if (at.isAfter(now)) {
                    continue;
                }
                // every street, 夫子庙 (the demo dispatcher's) twice as busy
                String street = random.nextInt(8) == 0 ? "320104002" : streetCodes.get(random.nextInt(streetCodes.size()));
                List<IndexedGrid> inStreet = streets.getOrDefault(street, streets.get(streetCodes.getFirst()));
                IndexedGrid grid = inStreet.get(random.nextInt(inStreet.size()));
                Kind kind = pick(kinds, totalWeight);
                char channel = channel(kind.channels());
                String place = places.get(random.nextInt(places.size()))
                        .replace("{社区}", grid.community().name().replace("社区", ""));
                Plan plan = new Plan(++index, kind, channel, grid, pointIn(grid.geometry()), describe(kind, channel, place), place);
                plan.reportedAt = at;
                if (kind.vague()) {
                    vague.add(plan);
                }
                schedule(plan, at, () -> report(plan));
            }
        }
        // the desk has not yet reached the latest vague reports: they are today's 待立案
        vague.sort(java.util.Comparator.comparing(p -> p.reportedAt));
        vague.subList(Math.max(0, vague.size() - 5), vague.size()).forEach(p -> p.waiting = true);
    }

    private int hour() {
        int total = 0;
        for (int w : HOURS) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int h = 0; h < HOURS.length; h++) {
            roll -= HOURS[h];
            if (roll < 0) {
                return h;
            }
        }
        return 12;
    }

    private Kind pick(List<Kind> kinds, int totalWeight) {
        int roll = random.nextInt(totalWeight);
        for (Kind kind : kinds) {
            roll -= kind.weight();
            if (roll < 0) {
                return kind;
            }
        }
        return kinds.getLast();
    }

    private char channel(String allowed) {
        int total = 0;
        for (char c : allowed.toCharArray()) {
            total += CHANNEL_WEIGHTS[CHANNELS.indexOf(c)];
        }
        int roll = random.nextInt(total);
        for (char c : allowed.toCharArray()) {
            roll -= CHANNEL_WEIGHTS[CHANNELS.indexOf(c)];
            if (roll < 0) {
                return c;
            }
        }
        return allowed.charAt(0);
    }

    private String describe(Kind kind, char channel, String place) {
        String text = kind.phrases().get(random.nextInt(kind.phrases().size())).replace("{地}", place);
        return switch (channel) {
            case 'H' -> "市民来电反映：" + text + "。希望尽快处理并回复。";
            case 'U' -> "监督员巡查发现：" + text + "。";
            case 'G' -> "网格巡查发现：" + text + "。";
            default -> text + (random.nextBoolean() ? "，请尽快处理。" : "。");
        };
    }

    // --- the steps -------------------------------------------------------------------------------------------------

    private void report(Plan plan) {
        Source source = switch (plan.channel) {
            case 'R' -> Source.RESIDENT;
            case 'G' -> Source.GRID_PATROL;
            case 'H' -> Source.HOTLINE_12345;
            case 'U' -> Source.URBAN_MANAGEMENT;
            default -> Source.OPEN311;
        };
        Actor reporter = Actor.system();
        String name = null;
        String phone = null;
        if (plan.channel == 'G') {
            reporter = actor("gw-" + plan.grid.code()).orElse(reporter);
        } else if (plan.channel == 'R' && random.nextInt(5) == 0) {
            reporter = actor("resident").orElse(reporter);
        }
        if (reporter.isSystem() && plan.channel != 'U') {
            name = SURNAMES[random.nextInt(SURNAMES.length)] + TITLES[random.nextInt(TITLES.length)];
            phone = "13" + (5 + random.nextInt(5)) + "%08d".formatted(random.nextInt(100_000_000));
        }
        plan.reporterIsUser = !reporter.isSystem();
        // residents and the hotline often leave the category to the dispatcher (or the sorter)
        boolean withCategory = !plan.kind.vague() && (!(plan.channel == 'R' || plan.channel == 'H') || random.nextInt(4) > 0);
        int u = random.nextInt(100);
        Urgency urgency = u < 85 ? Urgency.NORMAL : u < 97 ? Urgency.URGENT : Urgency.CRITICAL;
        ReportProblem command = new ReportProblem(plan.description, withCategory ? plan.kind.code() : null,
                plan.point.getY(), plan.point.getX(), "WGS84", plan.channel == 'H' || plan.channel == 'U' ? plan.place : null,
                source, urgency, name, phone, List.of(), null);
        IntakeResult result;
        if (plan.channel == 'G' && plan.kind.smallMatter() && !reporter.isSystem() && random.nextInt(3) > 0) {
            result = intake.reportClosedOnSpot(command, "现场劝导处置完毕，已恢复原状", reporter);
        } else {
            result = intake.report(command, reporter);
        }
        plan.orderId = result.order().id();
        plan.number = result.order().number();
        orders++;
        plan.slowAccept = random.nextInt(100) < 5;
        plan.slowHandle = random.nextInt(100) < 4;
        plan.whistle = random.nextInt(1000) < 12;
        switch (result.order().status()) {
            case REPORTED -> {
                if (random.nextInt(100) < 7) {
                    later(plan, minutes(20, 90), () -> act(plan, Action.VOID, dispatcherFor(result.order()),
                            ActOnOrder.note("重复上报，已合并处理 / 无效信息")));
                } else if (!plan.waiting) {
                    // most are filed within two hours; some wait for days in 待立案 (the backlog of a busy desk)
                    later(plan, random.nextInt(100) < 30 ? minutes(24 * 60, 96 * 60) : minutes(10, 120), () -> register(plan));
                }
            }
            case DISPATCHED -> afterDispatch(plan, result.order());
            default -> {
            }
        }
    }

    private void register(Plan plan) {
        WorkOrder order = load(plan);
        if (order.status() != WorkOrderStatus.REPORTED) {
            return; // the sorter filed it meanwhile
        }
        Actor dispatcher = dispatcherFor(order);
        act(plan, Action.REGISTER, dispatcher, new ActOnOrder("核实后立案", List.of(), plan.kind.code(), null, null, List.of(),
                null, null, null, null));
        if (random.nextInt(100) < 3) {
            // 挂账: filed, but it waits (funding, the season, the owner unknown) and is not dispatched
            later(plan, minutes(10, 60), () -> act(plan, Action.SUSPEND, dispatcher, ActOnOrder.note("需列入维修计划，待资金落实后处置（挂账）")));
            return;
        }
        later(plan, minutes(5, 60), () -> {
            WorkOrder dispatched = act(plan, Action.DISPATCH, dispatcher, ActOnOrder.note("按职责清单派遣"));
            afterDispatch(plan, dispatched);
        });
    }

    private void afterDispatch(Plan plan, WorkOrder order) {
        if (plan.kind.escalateTo() != null && !plan.escalated && order.assigneeUserId() == null && order.assigneeOrgUnitId() != null
                && organization.find(order.assigneeOrgUnitId()).filter(u -> !u.isDepartment()).isPresent()
                && random.nextInt(100) < 40) {
            // the community (or street) office finds it beyond its means; the district sends it to the department
            plan.escalated = true;
            later(plan, minutes(20, 110), () -> { // 退单 within the two working hours after dispatch
                act(plan, Action.RETURN, leadOf(load(plan)), sendBack(load(plan), "超出社区（街道）处置能力，请派职能部门处理"));
                later(plan, minutes(30, 240), () -> {
                    WorkOrder returned = load(plan);
                    Long department = organization.department(returned.districtCode(), plan.kind.escalateTo()).map(OrgUnit::id)
                            .orElse(null);
                    WorkOrder again = act(plan, Action.DISPATCH, actor("dispatcher-district").orElse(Actor.system()),
                            new ActOnOrder("难事不出区：社区处置不了，派" + plan.kind.escalateTo().name() + "职能部门", List.of(), null, null,
                                    department, List.of(), null, null, null, null));
                    afterDispatch(plan, again);
                });
            });
            return;
        }
        if (plan.returns == 0 && random.nextInt(100) < 4) {
            plan.returns++;
            later(plan, minutes(20, 110), () -> {
                WorkOrder returned = act(plan, Action.RETURN, leadOf(load(plan)), sendBack(load(plan), "经核实不属于本单位职责范围，请重新派遣"));
                later(plan, minutes(30, 180), () -> {
                    WorkOrder again = act(plan, Action.DISPATCH, dispatcherFor(returned), ActOnOrder.note("已与处置单位沟通确认，重新派遣"));
                    afterDispatch(plan, again);
                });
            });
            return;
        }
        if (plan.whistle && order.streetCode() != null) {
            plan.whistle = false;
            later(plan, minutes(12 * 60, 36 * 60), () -> blow(plan));
        }
        Duration accept = plan.slowAccept ? Duration.ofDays(12 + random.nextInt(30)) : minutes(20, 600);
        if (plan.slowAccept) {
            later(plan, Duration.ofDays(4 + random.nextInt(4)), () -> act(plan, Action.SUPERVISE, leader(),
                    ActOnOrder.note("超期未签收，请立即签收处置（督办）")));
        }
        later(plan, accept, () -> accept(plan));
    }

    private void accept(Plan plan) {
        act(plan, Action.ACCEPT, leadOf(load(plan)), ActOnOrder.note("已签收"));
        if (random.nextInt(100) < 5) {
            later(plan, minutes(12 * 60, 36 * 60), () -> {
                WorkOrder accepted = load(plan);
                Instant due = accepted.stageDueAt() == null || accepted.stageDueAt().isBefore(stepClock.instant())
                        ? stepClock.instant() : accepted.stageDueAt();
                Instant until = due.plus(Duration.ofDays(7 + random.nextInt(8)));
                act(plan, Action.REQUEST_EXTENSION, leadOf(accepted), new ActOnOrder("需采购配件、协调施工队，申请延期",
                        List.of(), null, null, null, List.of(), until, null, null, null));
                later(plan, minutes(60, 240), () -> {
                    act(plan, Action.APPROVE_EXTENSION, dispatcherFor(load(plan)), ActOnOrder.note("同意延期"));
                    later(plan, Duration.ofDays(3 + random.nextInt(5)), () -> handle(plan));
                });
            });
            return;
        }
        Duration handle = plan.slowHandle ? Duration.ofDays(15 + random.nextInt(30))
                : random.nextInt(3) == 0 ? minutes(24 * 60, 72 * 60) : minutes(60, 12 * 60);
        if (plan.slowHandle) {
            later(plan, Duration.ofDays(5 + random.nextInt(4)), () -> act(plan, Action.SUPERVISE, leader(),
                    ActOnOrder.note("处置超时，请说明原因并尽快办结（督办）")));
        }
        later(plan, handle, () -> handle(plan));
    }

    /** A unit's 退单 cites the duty list item of the order's category. */
    private static ActOnOrder sendBack(WorkOrder order, String reason) {
        return new ActOnOrder(reason, List.of(), null, null, null, List.of(), null, null, null, null,
                "职责清单 " + order.categoryCode(), List.of());
    }

    private void handle(Plan plan) {
        // 协办反馈 first: the lead reports done only when every co-handling unit has reported its part
        for (Long unit : load(plan).missingCoHandlers()) {
            act(plan, Action.ASSIST_REPORT, handlerOf(unit), new ActOnOrder("已按分工完成协办事项", List.of(), null, null, unit,
                    List.of(), null, null, null, null));
        }
        act(plan, Action.HANDLE, leadOf(load(plan)), ActOnOrder.note(HANDLED_NOTES[random.nextInt(HANDLED_NOTES.length)]));
        // a busy desk: about a third of the results wait a day or more before a grid worker is sent to check them,
        // and those of the last day all still wait; checks asked for in the last day and a half are not yet done
        later(plan, recent(24) || random.nextInt(10) < 3 ? minutes(36 * 60, 72 * 60) : minutes(30, 360), () -> {
            act(plan, Action.REQUEST_VERIFICATION, dispatcherFor(load(plan)), ActOnOrder.note("请网格员现场核查"));
            later(plan, recent(36) ? minutes(36 * 60, 48 * 60) : minutes(120, 48 * 60), () -> verify(plan));
        });
    }

    private static final String[] HANDLED_NOTES = {"已现场处置完毕，恢复原状", "已安排人员维修，现已修复", "已清理完毕",
            "已现场劝导，当事人已整改", "已联系产权单位处理完毕", "已依法责令整改并复查"};

    private void verify(Plan plan) {
        WorkOrder order = load(plan);
        Actor verifier = actor("gw-" + order.gridCode()).orElse(dispatcherFor(order));
        if (plan.reworks == 0 && random.nextInt(100) < 7) {
            plan.reworks++;
            act(plan, Action.REWORK, verifier, ActOnOrder.note("现场核查问题仍然存在，返工"));
            later(plan, minutes(60, 480), () -> accept(plan));
            return;
        }
        act(plan, Action.APPROVE, verifier, ActOnOrder.note("现场核查，问题已解决"));
        later(plan, minutes(30, 240), () -> {
            act(plan, Action.CLOSE, dispatcherFor(load(plan)), ActOnOrder.note("核查通过，结案"));
            if (random.nextInt(100) < 80) {
                later(plan, minutes(4 * 60, 72 * 60), () -> evaluate(plan));
            }
        });
    }

    private void evaluate(Plan plan) {
        WorkOrder order = load(plan);
        int roll = random.nextInt(100);
        Satisfaction satisfaction = roll < 78 ? Satisfaction.SATISFIED : roll < 91 ? Satisfaction.BASICALLY_SATISFIED
                : Satisfaction.DISSATISFIED;
        Actor rater = plan.reporterIsUser && order.source() == Source.RESIDENT ? actor("resident").orElseThrow() : dispatcherFor(order);
        String note = switch (satisfaction) {
            case SATISFIED -> plan.reporterIsUser ? "处理很及时，谢谢！" : "电话回访：群众表示满意";
            case BASICALLY_SATISFIED -> plan.reporterIsUser ? "问题解决了，就是慢了点" : "电话回访：基本满意";
            case DISSATISFIED -> plan.reporterIsUser ? "过几天又出现了，没有根本解决" : "电话回访：群众不满意，认为没有根本解决";
        };
        act(plan, Action.EVALUATE, rater, new ActOnOrder(note, List.of(), null, null, null, List.of(), null, satisfaction,
                null, null));
    }

    /** 吹哨: the street summons the order's department and one or two others; each reports in, then the outcome. */
    private void blow(Plan plan) {
        WorkOrder order = load(plan);
        if (!order.status().isOpen() || order.streetCode() == null) {
            return;
        }
        List<OrgUnit> departments = new ArrayList<>(organization.departmentsOf(order.districtCode()));
        List<Long> summoned = new ArrayList<>();
        if (order.assigneeOrgUnitId() != null && departments.stream().anyMatch(d -> d.id() == order.assigneeOrgUnitId())) {
            summoned.add(order.assigneeOrgUnitId());
        }
        while (summoned.size() < 2 + random.nextInt(2) && !departments.isEmpty()) {
            long id = departments.remove(random.nextInt(departments.size())).id();
            if (!summoned.contains(id)) {
                summoned.add(id);
            }
        }
        int k = random.nextInt(10);
        WhistleKind kind = k < 6 ? WhistleKind.TOUGH : k < 9 ? WhistleKind.ROUTINE : WhistleKind.EMERGENCY;
        Actor street = dispatcherFor(order);
        Whistle whistle = whistles.blow(order.id(), new BlowWhistle(kind, "涉及多个部门职责，需联合处置：" + plan.kind.name(), summoned), street);
        whistlesBlown++;
        for (long department : summoned) {
            if (random.nextInt(10) == 0) {
                continue; // this one never reports in: overdue on the whistle's assessment
            }
            later(plan, minutes(120, 30 * 60), () -> {
                boolean duty = random.nextInt(10) > 0;
                whistles.reportIn(whistle.id(), new ReportIn(department, duty ? Summons.State.ARRIVED : Summons.State.NOT_OUR_DUTY,
                        duty ? "已到现场，参与联合处置" : "经核实不属于本部门职责", List.of()), handlerOf(department));
            });
        }
        later(plan, Duration.ofDays(3 + random.nextInt(4)), () -> {
            int o = random.nextInt(10);
            Outcome outcome = o < 7 ? Outcome.RESOLVED : o < 9 ? Outcome.PARTIALLY_RESOLVED : Outcome.UNRESOLVED;
            whistles.recordOutcome(whistle.id(), new RecordOutcome(outcome, "联合处置会商完毕"), street);
        });
    }

    // --- who acts --------------------------------------------------------------------------------------------------

    private WorkOrder act(Plan plan, Action action, Actor actor, ActOnOrder request) {
        return actions.perform(plan.orderId, action, request, actor);
    }

    private WorkOrder load(Plan plan) {
        return queries.get(plan.orderId, Actor.system());
    }

    /** The street's own dispatcher where the demo has one, else the district command centre's. */
    private Actor dispatcherFor(WorkOrder order) {
        String street = order.streetCode() == null ? "" : order.streetCode();
        String username = switch (street) {
            case "320104002" -> "dispatcher";
            case "320104003" -> "dispatcher-honghua";
            default -> "dispatcher-district";
        };
        return actor(username).orElse(Actor.system());
    }

    private Actor leader() {
        return actor("leader").orElse(Actor.system());
    }

    /** The person who acts for the lead unit: the named grid worker, else a handler, community staff or dispatcher of the unit. */
    private Actor leadOf(WorkOrder order) {
        if (order.assigneeUserId() != null) {
            Optional<Actor> named = actorsById.computeIfAbsent(order.assigneeUserId(),
                    id -> people.find(id).flatMap(u -> actor(u.username())));
            if (named.isPresent()) {
                return named.get();
            }
        }
        Long unit = order.assigneeOrgUnitId();
        return unit == null ? Actor.system() : leadsByUnit.computeIfAbsent(unit, this::memberOf);
    }

    private Actor handlerOf(long department) {
        return leadsByUnit.computeIfAbsent(department, this::memberOf);
    }

    private Actor memberOf(long unit) {
        for (Role role : List.of(Role.HANDLER, Role.COMMUNITY_STAFF, Role.DISPATCHER)) {
            List<UserSummary> members = people.membersOf(unit, role);
            if (!members.isEmpty()) {
                return actor(members.getFirst().username()).orElse(Actor.system());
            }
        }
        return Actor.system();
    }

    private Optional<Actor> actor(String username) {
        return actorsByName.computeIfAbsent(username, people::actorOf);
    }

    // --- the queue -------------------------------------------------------------------------------------------------

    /** Whether the step being taken lies within the last {@code hours} before now. */
    private boolean recent(int hours) {
        return Duration.between(stepClock.instant(), realClock.instant()).toHours() < hours;
    }

    private Duration minutes(int from, int to) {
        return Duration.ofMinutes(from + random.nextInt(Math.max(1, to - from)));
    }

    private void later(Plan plan, Duration after, Runnable step) {
        schedule(plan, stepClock.instant().plus(after), step);
    }

    /** Steps after now are not taken: the order stays where it is, as it would be today. */
    private void schedule(Plan plan, Instant at, Runnable step) {
        if (!at.isAfter(realClock.instant())) {
            queue.add(new Event(at, sequence++, plan, step));
        }
    }

    private record Event(Instant at, long sequence, Plan plan, Runnable step) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** One report's life. */
    private static final class Plan {
        final int index;
        final Kind kind;
        final char channel;
        final IndexedGrid grid;
        final Point point;
        final String description;
        final String place;
        long orderId;
        String number;
        boolean reporterIsUser;
        boolean slowAccept;
        boolean slowHandle;
        boolean whistle;
        int returns;
        int reworks;
        boolean escalated;
        boolean waiting;
        Instant reportedAt = Instant.EPOCH;

        Plan(int index, Kind kind, char channel, IndexedGrid grid, Point point, String description, String place) {
            this.index = index;
            this.kind = kind;
            this.channel = channel;
            this.grid = grid;
            this.point = point;
            this.description = description;
            this.place = place;
        }

        String number() {
            return number == null ? "report " + index : number;
        }
    }

    /** A category as the demo reports it: how often, through which channels, in which words (reports.tsv). */
    record Kind(String code, String name, boolean smallMatter, boolean vague, int weight, String channels, List<String> phrases,
                @Nullable DepartmentType escalateTo) {

        static List<Kind> load(Catalog catalog) {
            List<Kind> kinds = new ArrayList<>();
            for (String[] row : Tsv.read("demo/reports.tsv")) {
                boolean vague = row[0].startsWith("?");
                String code = vague ? row[0].substring(1) : row[0];
                Optional<Category> category = catalog.find(code).filter(Category::enabled);
                if (category.isEmpty()) {
                    log.warn("Demo history: category {} is not in the catalog, skipped", row[0]);
                    continue;
                }
                kinds.add(new Kind(code, category.get().name(), category.get().smallMatter(), vague, Integer.parseInt(row[1]),
                        row[2], List.of(row[3].split("｜")), row.length > 4 ? DepartmentType.valueOf(row[4].strip()) : null));
            }
            if (kinds.isEmpty()) {
                throw new IllegalStateException("demo/reports.tsv names no category of the catalog");
            }
            return kinds;
        }
    }

    /** The demo's data files: UTF-8, tab-separated, {@code #} starts a comment line. */
    static final class Tsv {
        private Tsv() {
        }

        static List<String[]> read(String resource) {
            var in = HistoryRun.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            List<String[]> rows = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        rows.add(line.split("\t"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }

    /** The time of the step being taken, for the services this run was given. */
    static final class StepClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        StepClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.fixed(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
