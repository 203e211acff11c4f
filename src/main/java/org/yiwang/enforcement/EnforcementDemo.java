package org.yiwang.enforcement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.YiwangProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Demo enforcement data on the first start with {@code yiwang.demo-data}: in 夫子庙街道 a night-market case that the
 * officer of 综合行政执法 opened with 市场监管 and 公安 summoned, inspected and served its combined notice, a
 * restaurant case still waiting for 生态环境 to arrive; and under the two campaigns shipped as data (返宁人员排查,
 * 防汛排查) a few records of the demo grid worker's grid — red, yellow and green, with the visits they spawned.
 * Everything goes through the module's own verbs, so history and ledger are as for real work.
 */
@Component
@Order(EnforcementDemo.ORDER)
class EnforcementDemo implements ApplicationRunner {

    /** After the demo users (people) and registers (registry). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 350;
    static final String DISTRICT = "320104";

    private static final Logger log = LoggerFactory.getLogger(EnforcementDemo.class);

    private final YiwangProperties yiwang;
    private final JdbcClient jdbc;
    private final Cases cases;
    private final Campaigns campaigns;
    private final People people;
    private final Organization organization;
    private final Grids grids;
    private final Clock clock;
    private final boolean inventsOrders;

    EnforcementDemo(YiwangProperties yiwang, JdbcClient jdbc, Cases cases, Campaigns campaigns, People people, Organization organization,
                    Grids grids, Clock clock, org.springframework.core.env.Environment environment) {
        this.inventsOrders = inventsOrders(yiwang, environment);
        this.yiwang = yiwang;
        this.jdbc = jdbc;
        this.cases = cases;
        this.campaigns = campaigns;
        this.people = people;
        this.organization = organization;
        this.grids = grids;
        this.clock = clock;
    }

    /**
     * Whether the demo may raise work orders (a red flood-season site does): on the embedded database, and on an
     * external one only where {@code yiwang.demo.history} is set on — otherwise invented orders would mix with real or
     * measured ones there.
     */
    static boolean inventsOrders(YiwangProperties yiwang, org.springframework.core.env.Environment environment) {
        return !yiwang.db().isExternal() || environment.getProperty("yiwang.demo.history", Boolean.class, false);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (yiwang.demoData()) {
            load();
        }
    }

    void load() {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM enforcement_case) OR EXISTS (SELECT 1 FROM enforcement_campaign_record)")
                .query(Boolean.class).single()) {
            return;
        }
        Optional<Actor> officer = people.actorOf("handler-enforcement");
        Optional<Actor> market = people.actorOf("handler-market");
        Optional<Actor> worker = people.actorOf("gridworker");
        if (officer.isEmpty() || market.isEmpty() || worker.isEmpty()) {
            log.warn("No demo enforcement data: the demo users are missing");
            return;
        }
        List<GridSummary> mine = grids.gridsOf(worker.get().userId());
        if (mine.isEmpty()) {
            return;
        }
        String grid = mine.getFirst().code();
        long started = System.nanoTime();

        EnforcementCase night = cases.open(new OpenCase(EnforcementCase.Source.DIRECT, null, null, null, grid, "NIGHT_MARKET",
                "夜市摊点占道经营、露天烧烤，油烟扰民", "贡院街夜市东段", "demo-case-1"), officer.get());
        cases.summon(night.id(), List.of(department(DepartmentType.MARKET_REGULATION), department(DepartmentType.POLICE_STATION)),
                officer.get());
        cases.arrive(night.id(), market.get());
        cases.investigate(night.id(), "联合执法队到场", officer.get());
        cases.inspect(night.id(), new RecordInspection(List.of("摊位在划定区域内经营", "消防通道畅通"),
                List.of("无露天烧烤", "摊主持健康证明", "垃圾即产即清"), "3 个摊位在人行道露天烧烤，2 名摊主未持健康证明，地面油污未清",
                List.of(new Party(Party.Kind.PERSON, "王建国", "13905180001", null), new Party(Party.Kind.PERSON, "刘秀兰", "13905180002", null)),
                List.of("ZF-001", "ZF-008", "SJ-002", "ZF-009"), List.of(), "demo-inspection-1"), officer.get());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        cases.serveNotice(night.id(), today.plusDays(3), "立即停止露天烧烤，撤回划定区域经营；摊主三日内办理健康证明；落实垃圾即产即清", officer.get());

        EnforcementCase restaurant = cases.open(new OpenCase(EnforcementCase.Source.DIRECT, null, null, null, grid, "CATERING",
                "餐饮店油烟直排、后厨燃气无报警装置", "瞻园路 12 号", "demo-case-2"), officer.get());
        cases.summon(restaurant.id(), List.of(department(DepartmentType.ECOLOGY_ENVIRONMENT), department(DepartmentType.EMERGENCY_MANAGEMENT)),
                officer.get());

        Actor w = worker.get();
        String address = mine.getFirst().communityName();
        campaigns.register("EPIDEMIC_RETURN", new Register(grid, "陈志强", "13813800001", address + "3 幢 201", "广东省广州市荔湾区",
                "广州南—南京南（G1208）", today.minusDays(2), null, null, "demo-return-1"), w);
        campaigns.register("EPIDEMIC_RETURN", new Register(grid, "赵丽", "13813800002", address + "5 幢 402", "湖北省武汉市江汉区",
                "武汉—南京南（G586）", today.minusDays(1), null, null, "demo-return-2"), w);
        campaigns.register("EPIDEMIC_RETURN", new Register(grid, "孙浩然", "13813800003", address + "1 幢 101", "安徽省合肥市蜀山区",
                "合肥南—南京南", today.minusDays(3), null, null, "demo-return-3"), w);
        if (!inventsOrders) {
            log.info("Demo enforcement: 2 cases, 3 campaign records (no flood-season sites: they would raise orders on this database)");
            return;
        }
        campaigns.register("FLOOD_SEASON", new Register(grid, "钞库街 38 号老宅", null, "钞库街 38 号", null, null, null, null,
                "危房（C 级）", "demo-flood-1"), w);
        campaigns.register("FLOOD_SEASON", new Register(grid, "瞻园路地下车库", null, "瞻园路 50 号", null, null, null, null,
                "地下车库（排水泵 2 台）", "demo-flood-2"), w);
        campaigns.register("FLOOD_SEASON", new Register(grid, "秦淮河沿岸步道", null, "信府河", null, null, null, null,
                "河道沿线护栏", "demo-flood-3"), w);
        log.info("Demo enforcement: 2 cases, 6 campaign records in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private long department(DepartmentType type) {
        return organization.department(DISTRICT, type).map(OrgUnit::id).orElseThrow();
    }
}
