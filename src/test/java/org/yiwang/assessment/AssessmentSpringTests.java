package org.yiwang.assessment;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.dispatch.RouteRequest;
import org.yiwang.dispatch.Router;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Satisfaction;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.yiwang.services.Applications;
import org.yiwang.services.Delivery;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assessment read model follows real orders made through the intake and actions of the demo territory;
 * the tables, drill-down, scheme and reports answer from it within the reader's territory.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentSpringTests {

    static final String PASSWORD = "yiwang-demo";

    @Autowired Intake intake;
    @Autowired WorkOrderActions actions;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;
    @Autowired Router router;
    @Autowired Catalog catalog;
    @Autowired Assessments assessments;
    @Autowired Schemes schemes;
    @Autowired MonthlyReports reports;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired Applications applications;
    @Autowired ClosedMonths closedMonths;
    @Autowired org.yiwang.people.Organization organization;

    IndexedGrid grid;
    String category;
    YearMonth month;

    @BeforeEach
    void territory() {
        grid = locator.grid(grids.gridsOf(people.findByUsername("gridworker").orElseThrow().id()).getFirst().code()).orElseThrow();
        long handlerUnit = people.findByUsername("handler").orElseThrow().orgUnitId();
        category = catalog.categories().stream().filter(Category::enabled).map(Category::code)
                .filter(c -> {
                    var d = router.route(new RouteRequest(c, grid.code(), grid.community().code(), grid.street().code(), grid.district().code()));
                    return d.routed() && d.orgUnitId() == handlerUnit;
                }).findFirst().orElseThrow();
        month = YearMonth.from(LocalDate.ofInstant(clock.instant(), org.yiwang.platform.ChinaTime.ZONE));
    }

    Actor actor(String username) {
        return people.actorOf(username).orElseThrow();
    }

    long report(Source source, String by) {
        Point p = grid.geometry().getInteriorPoint();
        WorkOrder order = intake.report(new ReportProblem("井盖缺失，有人差点踩空", category, p.getY(), p.getX(), null, "贡院街 12 号", source,
                null, null, null, List.of(), UUID.randomUUID().toString()), actor(by)).order();
        return order.id();
    }

    /** Handled, verified and closed; rated by the resident who reported it unless {@code rating} is null. */
    void closeAndRate(long id, @org.jspecify.annotations.Nullable Satisfaction rating) {
        actions.perform(id, Action.ACCEPT, ActOnOrder.note(""), actor("handler"));
        actions.perform(id, Action.HANDLE, ActOnOrder.note("已修复"), actor("handler"));
        actions.perform(id, Action.REQUEST_VERIFICATION, ActOnOrder.note(""), actor("dispatcher"));
        actions.perform(id, Action.APPROVE, ActOnOrder.note("现场已恢复"), actor("gridworker"));
        actions.perform(id, Action.CLOSE, ActOnOrder.note("结案"), actor("dispatcher"));
        if (rating == null) {
            return;
        }
        actions.perform(id, Action.EVALUATE, new ActOnOrder("", List.of(), null, null, null, List.of(), null, rating, null, null),
                actor("resident"));
    }

    AssessmentTable.Row street(AssessmentTable table) {
        return table.rows().stream().filter(r -> r.code().equals(grid.street().code())).findFirst().orElseThrow();
    }

    @Test
    void theStreetsFiguresFollowItsOrdersAndEveryFigureLeadsToTheOrdersBehindIt() {
        AssessmentTable before = assessments.table(Level.STREET, month, actor("leader"));
        long satisfied = report(Source.RESIDENT, "resident");
        long dissatisfied = report(Source.RESIDENT, "resident");
        closeAndRate(satisfied, Satisfaction.SATISFIED);
        closeAndRate(dissatisfied, Satisfaction.DISSATISFIED);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM assessment_order_fact WHERE order_id IN (:a, :b) AND evaluated = 1")
                .param("a", satisfied).param("b", dissatisfied).query(Long.class).single() == 2);

        AssessmentTable after = assessments.table(Level.STREET, month, actor("leader"));
        AssessmentTable.Row was = street(before);
        AssessmentTable.Row is = street(after);
        assertThat(is.reported()).isEqualTo(was.reported() + 2);
        assertThat(is.figure(Indicator.SATISFACTION).numerator()).isEqualTo(was.figure(Indicator.SATISFACTION).numerator() + 1);
        assertThat(is.figure(Indicator.SATISFACTION).denominator()).isEqualTo(was.figure(Indicator.SATISFACTION).denominator() + 2);
        assertThat(is.score()).isNotNull();
        assertThat(is.grade()).isNotNull();
        assertThat(is.rank()).isNotNull();

        // every figure from the orders: the orders listed behind it are exactly as many as it counts
        for (Indicator indicator : Indicator.values()) {
            if (!indicator.fromOrders()) {
                continue;
            }
            Indicator.Figure f = is.figure(indicator);
            assertThat(assessments.orders(Level.STREET, is.code(), month, indicator, true, actor("leader"))).as(indicator + " numerator")
                    .hasSize((int) Math.min(f.numerator(), Assessments.MAX_DRILL_DOWN));
            assertThat(assessments.orders(Level.STREET, is.code(), month, indicator, false, actor("leader"))).as(indicator + " denominator")
                    .hasSize((int) Math.min(f.denominator(), Assessments.MAX_DRILL_DOWN));
        }
        assertThat(assessments.orders(Level.STREET, is.code(), month, Indicator.SATISFACTION, true, actor("leader")))
                .extracting(Assessments.OrderRef::id).contains(satisfied).doesNotContain(dissatisfied);
    }

    @Test
    void everyStreetOfTheTerritoryHasARowAndAnotherStreetsDispatcherSeesOnlyTheirs() {
        AssessmentTable district = assessments.table(Level.STREET, month, actor("leader"));
        assertThat(district.rows()).extracting(AssessmentTable.Row::code).contains(grid.street().code()).hasSizeGreaterThan(3);
        AssessmentTable honghua = assessments.table(Level.STREET, month, actor("dispatcher-honghua"));
        assertThat(honghua.rows()).extracting(AssessmentTable.Row::code).doesNotContain(grid.street().code());
        assertThat(assessments.orders(Level.STREET, grid.street().code(), month, Indicator.FILING, false, actor("dispatcher-honghua")))
                .isEmpty();
        assertThatThrownBy(() -> assessments.table(Level.STREET, month, actor("handler"))).isInstanceOf(LocalizedException.class);
    }

    /** An 一网通办 application of the clerk's community, done; rated by the resident when {@code rating} is not null. */
    void serviceApplication(String community, @org.jspecify.annotations.Nullable Integer rating) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        long id = applications.apply(new Applications.Apply("MZ-008", null, community, Delivery.PICKUP, null, null, UUID.randomUUID().toString(),
                List.of(new Applications.Upload("居民身份证", png), new Applications.Upload("近期免冠照片", png)), null, null), actor("resident"))
                .summary().id();
        applications.act(id, org.yiwang.services.Action.ACCEPT, Applications.Act.note(null), actor("community"));
        applications.act(id, org.yiwang.services.Action.APPROVE, Applications.Act.note(null), actor("community"));
        applications.act(id, org.yiwang.services.Action.COMPLETE, new Applications.Act(null, null, "YD-" + id, null, List.of(), null), actor("community"));
        if (rating != null) {
            applications.act(id, org.yiwang.services.Action.RATE, new Applications.Act(rating <= 2 ? "等了很久才办好" : "办得快", null, null,
                    rating, List.of(), null), actor("resident"));
        }
    }

    @Test
    void theServicePraiseRateCountsRatingsOfFourAndFiveAmongTheApplicationsRatedInTheMonthPerCommunityAndStreet() {
        String community = organization.find(actor("community").orgUnitId()).orElseThrow().divisionCode();
        String street = community.substring(0, 9);
        Indicator.Figure communityBefore = figure(Level.COMMUNITY, community, Indicator.SERVICE_RATING);
        Indicator.Figure streetBefore = figure(Level.STREET, street, Indicator.SERVICE_RATING);

        serviceApplication(community, 5);
        serviceApplication(community, 4);
        serviceApplication(community, 2);
        serviceApplication(community, null);

        // 5 and 4 are praise (好评), 2 is not, the unrated one counts in neither
        Indicator.Figure inCommunity = figure(Level.COMMUNITY, community, Indicator.SERVICE_RATING);
        assertThat(inCommunity.numerator()).isEqualTo(communityBefore.numerator() + 2);
        assertThat(inCommunity.denominator()).isEqualTo(communityBefore.denominator() + 3);
        assertThat(inCommunity.rate()).isEqualTo(Indicator.Figure.of(inCommunity.numerator(), inCommunity.denominator()).rate());
        Indicator.Figure inStreet = figure(Level.STREET, street, Indicator.SERVICE_RATING);
        assertThat(inStreet.numerator()).isEqualTo(streetBefore.numerator() + 2);
        assertThat(inStreet.denominator()).isEqualTo(streetBefore.denominator() + 3);
        // only streets and communities have it; a grid or a worker has no service figure
        assertThat(assessments.table(Level.GRID, month, actor("leader")).rows())
                .allSatisfy(r -> assertThat(r.figure(Indicator.SERVICE_RATING).denominator()).isZero());
        // a month with no rating has no figure (not 0 %)
        YearMonth empty = YearMonth.of(2021, 2);
        for (Level level : List.of(Level.STREET, Level.COMMUNITY)) {
            assertThat(assessments.table(level, empty, actor("leader")).rows()).allSatisfy(r -> {
                assertThat(r.figure(Indicator.SERVICE_RATING).rate()).isNull();
                assertThat(r.figure(Indicator.SERVICE_RATING).percent()).isEqualTo("—");
            });
        }
    }

    @Test
    void aClosedMonthsTableIsKeptUntilTheJournalChangesItsSumsOrTheSchemeChanges() {
        YearMonth closed = month.minusMonths(1);
        String district = grid.district().code();
        // kept: read again, the rows are those computed the first time (the same objects), not computed anew
        AssessmentTable first = assessments.table(Level.STREET, closed, actor("leader"));
        assertThat(assessments.table(Level.STREET, closed, actor("leader")).rows().getFirst().figures())
                .isSameAs(first.rows().getFirst().figures());
        // this month is never kept
        assertThat(assessments.table(Level.STREET, month, actor("leader")).rows().getFirst().figures())
                .isNotSameAs(assessments.table(Level.STREET, month, actor("leader")).rows().getFirst().figures());

        // the running month is never kept, so its changes are not counted: an intake costs the follower no extra statement
        long before = revision(month, district);
        long order = report(Source.RESIDENT, "resident");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM assessment_order_fact WHERE order_id = :o")
                .param("o", order).query(Long.class).single() == 1);
        assertThat(revision(month, district)).isEqualTo(before);
        // … and a change to the closed month (an order reported then and closed now) makes its table computed anew
        closedMonths.changed(List.of(java.util.Map.entry(district, closed.atDay(1))));
        AssessmentTable recomputed = assessments.table(Level.STREET, closed, actor("leader"));
        assertThat(recomputed.rows().getFirst().figures()).isNotSameAs(first.rows().getFirst().figures());
        assertThat(recomputed.rows()).extracting(AssessmentTable.Row::code).isEqualTo(first.rows().stream().map(AssessmentTable.Row::code).toList());

        // a new scheme version scores it anew
        Scheme scheme = schemes.current();
        java.util.Map<String, Integer> weights = new java.util.TreeMap<>();
        scheme.weights().forEach((i, w) -> weights.put(i.name(), w));
        weights.merge(Indicator.SERVICE_RATING.name(), 1, Integer::sum);
        Scheme changed = schemes.change(weights, "缓存测试", actor("admin"));
        try {
            AssessmentTable rescored = assessments.table(Level.STREET, closed, actor("leader"));
            assertThat(rescored.schemeVersion()).isEqualTo(changed.version());
            assertThat(rescored.rows().getFirst().figures()).isNotSameAs(recomputed.rows().getFirst().figures());
        } finally {
            java.util.Map<String, Integer> back = new java.util.TreeMap<>();
            scheme.weights().forEach((i, w) -> back.put(i.name(), w));
            schemes.change(back, "缓存测试复原", actor("admin"));
        }
    }

    long revision(YearMonth m, String district) {
        return jdbc.sql("SELECT coalesce(sum(revision), 0) FROM assessment_month_revision WHERE month = :m AND district_code = :d")
                .param("m", java.sql.Date.valueOf(m.atDay(1))).param("d", district).query(Long.class).single();
    }

    Indicator.Figure figure(Level level, String code, Indicator indicator) {
        return assessments.table(level, month, actor("leader")).rows().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow().figure(indicator);
    }

    @Test
    void aMonthWithoutOrdersGradesAndRanksNobodyThoughItsPatrolDaysAreCounted() {
        // long before any demo order: the grid workers' patrol days of the month are there (none met the 3 h)
        YearMonth empty = YearMonth.of(2021, 2);
        for (Level level : List.of(Level.STREET, Level.COMMUNITY, Level.GRID, Level.WORKER)) {
            AssessmentTable table = assessments.table(level, empty, actor("leader"));
            assertThat(table.rows()).as(level + " rows").isNotEmpty();
            assertThat(table.rows()).as(level.name()).allSatisfy(r -> {
                assertThat(r.reported()).isZero();
                assertThat(r.score()).isNull();
                assertThat(r.grade()).isNull();
                assertThat(r.rank()).isNull();
                assertThat(r.figure(Indicator.CLOSED_ON_TIME).percent()).isEqualTo("—");
            });
        }
        assertThat(assessments.table(Level.WORKER, empty, actor("leader")).rows())
                .anySatisfy(r -> assertThat(r.figure(Indicator.PATROL).denominator()).isEqualTo(28));
    }

    @Test
    void aGridWorkersPatrolReportCountsForThemAndForTheirGrid() {
        long id = report(Source.GRID_PATROL, "gridworker");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT worker_id FROM assessment_order_fact WHERE order_id = :id")
                .param("id", id).query(Long.class).optional().orElse(0L) == people.findByUsername("gridworker").orElseThrow().id());
        AssessmentTable workers = assessments.table(Level.WORKER, month, actor("leader"));
        assertThat(workers.rows()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(String.valueOf(people.findByUsername("gridworker").orElseThrow().id()));
            assertThat(r.reported()).isPositive();
        });
        AssessmentTable gridTable = assessments.table(Level.GRID, month, actor("leader"));
        assertThat(gridTable.rows()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(grid.code());
            assertThat(r.reported()).isPositive();
        });
    }

    @Test
    void onlyAdministratorsChangeTheSchemeEachChangeAVersionAndABadWeightWritesNothing() throws Exception {
        int before = schemes.current().version();
        mvc.perform(put("/api/assessment/scheme").with(httpBasic("leader", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\":{\"FILING\":50},\"note\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/assessment/scheme").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN").content("{\"weights\":{\"FILING\":50,\"REWORK\":101},\"note\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("REWORK")));
        assertThat(schemes.current().version()).isEqualTo(before);

        Map<String, Integer> weights = Map.of("FILING", 10, "HANDLED_ON_TIME", 40, "CLOSED_ON_TIME", 30, "SATISFACTION", 20);
        Scheme changed = schemes.change(weights, "按期为重", actor("admin"));
        assertThat(changed.version()).isEqualTo(before + 1);
        // the same form sent twice makes no new version
        assertThat(schemes.change(weights, "按期为重", actor("admin")).version()).isEqualTo(before + 1);
        assertThat(schemes.history()).extracting(Scheme::version).contains(before, before + 1);
        assertThat(assessments.table(Level.STREET, month, actor("leader")).schemeVersion()).isEqualTo(before + 1);
    }

    @Test
    void badParametersAreLocalizedProblemsNamingTheField() throws Exception {
        mvc.perform(get("/api/assessment/TOWN").with(httpBasic("leader", PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("level")));
        mvc.perform(get("/api/assessment/STREET?month=2026-13").with(httpBasic("leader", PASSWORD)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("month")));
        mvc.perform(get("/api/assessment/STREET/320104002/orders?indicator=PATROL").with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/assessment/STREET").with(httpBasic("handler", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/assessment/STREET").with(httpBasic("leader", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("STREET"));
    }

    @Test
    void theMonthlyReportIsAWorkbookAndAPdfThatOnlyTheTerritoryCanDownload() throws Exception {
        long id = report(Source.HOTLINE_12345, "dispatcher");
        closeAndRate(id, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT closed FROM assessment_order_fact WHERE order_id = :id")
                .param("id", id).query(Integer.class).optional().orElse(0) == 1);
        List<MonthlyReports.Stored> made = reports.generate(month, grid.district().code(), actor("leader"));
        assertThat(made).extracting(MonthlyReports.Stored::format).containsExactlyInAnyOrder("xlsx", "pdf");
        MonthlyReports.Stored pdf = made.stream().filter(r -> r.format().equals("pdf")).findFirst().orElseThrow();
        MonthlyReports.Stored xlsx = made.stream().filter(r -> r.format().equals("xlsx")).findFirst().orElseThrow();

        byte[] pdfBytes = mvc.perform(get("/api/assessment/reports/" + pdf.id()).with(httpBasic("leader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdfBytes, 0, 5)).isEqualTo("%PDF-");
        byte[] book = reports.download(xlsx.id(), actor("leader")).orElseThrow().content();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1 + Level.values().length);
            assertThat(workbook.getSheetAt(2).getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称");
        }
        // a street's dispatcher elsewhere neither lists nor downloads the district's report, nor makes one
        assertThat(reports.list(actor("dispatcher-honghua"))).extracting(MonthlyReports.Stored::id).doesNotContain(pdf.id());
        mvc.perform(get("/api/assessment/reports/" + pdf.id()).with(httpBasic("dispatcher-honghua", PASSWORD)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> reports.generate(month, grid.district().code(), actor("dispatcher-honghua")))
                .isInstanceOf(LocalizedException.class);
        // made again: replaced, not doubled
        reports.generate(month, grid.district().code(), actor("leader"));
        assertThat(reports.list(actor("leader")).stream().filter(r -> r.month().equals(month) && r.scopeCode().equals(grid.district().code())))
                .hasSize(2);
    }
}
