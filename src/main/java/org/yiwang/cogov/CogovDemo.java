package org.yiwang.cogov;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cogov.alliance.Alliance;
import org.yiwang.cogov.council.Council;
import org.yiwang.cogov.council.CouncilCommands;
import org.yiwang.cogov.council.Councils;
import org.yiwang.cogov.mediation.DisputeClass;
import org.yiwang.cogov.mediation.MediationCase;
import org.yiwang.cogov.mediation.MediationCommands;
import org.yiwang.cogov.mediation.Mediations;
import org.yiwang.cogov.mediation.PartyRole;
import org.yiwang.cogov.mediation.RiskLevel;
import org.yiwang.cogov.volunteer.Volunteering;
import org.yiwang.cogov.volunteer.PointsShop;
import org.yiwang.cogov.volunteer.Volunteers;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.YiwangProperties;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The module's demo data, once, on the first start with {@code yiwang.demo-data}: in the demo community
 * (user {@code community}) a neighbour dispute being mediated and a property dispute just registered — made through
 * {@link Mediations} as the community's staff, so history and ledger hold them like any case.
 */
@Component
@Order(CogovDemo.ORDER)
class CogovDemo implements ApplicationRunner {

    /** After the demo users (people) and registers. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 400;

    private static final Logger log = LoggerFactory.getLogger(CogovDemo.class);

    private final YiwangProperties yiwang;
    private final CogovProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final People people;
    private final Mediations mediations;
    private final Councils councils;
    private final Volunteers volunteers;
    private final PointsShop shop;
    private final Alliance alliance;
    private final Clock clock;

    CogovDemo(YiwangProperties yiwang, CogovProperties properties, JdbcClient jdbc, TransactionTemplate transactions, People people,
              Mediations mediations, Councils councils, Volunteers volunteers, PointsShop shop, Alliance alliance, Clock clock) {
        this.shop = shop;
        this.yiwang = yiwang;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
        this.mediations = mediations;
        this.councils = councils;
        this.volunteers = volunteers;
        this.alliance = alliance;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (yiwang.demoData() && properties.mediation().demo()) {
            load();
        }
    }

    /** Makes the demo cases unless the community has some case already; returns how many were made. */
    int load() {
        Optional<Actor> staff = people.actorOf("community");
        if (staff.isEmpty() || staff.get().orgUnitId() == null) {
            return 0;
        }
        Actor actor = staff.get();
        if (people.actorOf("resident").isEmpty() || people.actorOf("gridworker").isEmpty()) {
            return 0;
        }
        String community = actor.scope().divisionPrefixes().stream().filter(p -> p.length() == 12).findFirst().orElse(null);
        if (community == null) {
            return 0;
        }
        Integer made = transactions.execute(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cogov.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_mediation_case WHERE request_id LIKE 'demo-%')").query(Boolean.class).single()) {
                return 0;
            }
            MediationCase noise = mediations.open(new MediationCommands.Open(null, community, DisputeClass.NEIGHBOUR,
                    "楼上住户夜间频繁拖动家具、装修噪声扰民，楼下住户多次上门协商未果，双方发生口角。", RiskLevel.MEDIUM,
                    List.of(new MediationCommands.NewParty(PartyRole.APPLICANT, "王秀英", "13912340001", "楼下住户"),
                            new MediationCommands.NewParty(PartyRole.RESPONDENT, "李强", "13912340002", "楼上住户")),
                    "demo-mediation-1"), actor);
            mediations.assign(noise.id(), actor.userId(), actor);
            mediations.recordSession(noise.id(), new MediationCommands.RecordSession(
                    LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).minusDays(1).withSecond(0).withNano(0), "社区调解工作室",
                    "首次调解：双方陈述情况，楼上住户同意晚上十点后不再装修，约定一周后再次沟通。"), actor);
            mediations.open(new MediationCommands.Open(null, community, DisputeClass.PROPERTY,
                    "小区业主对物业公司上调停车费不满，二十余户拒交物业费，物业拟停止部分服务。", RiskLevel.HIGH,
                    List.of(new MediationCommands.NewParty(PartyRole.APPLICANT, "陈建国", "13912340003", "业主代表"),
                            new MediationCommands.NewParty(PartyRole.RESPONDENT, "某物业服务有限公司", null, "物业公司")),
                    "demo-mediation-2"), actor);
            return 2;
        });
        Integer council = transactions.execute(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cogov.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_council)").query(Boolean.class).single()) {
                return 0;
            }
            return council(actor, community);
        });
        Integer activities = transactions.execute(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cogov.demo'))").query(rs -> {
            });
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_activity)").query(Boolean.class).single()) {
                return 0;
            }
            return volunteering(actor, community);
        });
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cogov.demo'))").query(rs -> {
            });
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_alliance_unit)").query(Boolean.class).single()) {
                alliance(actor, community);
            }
        });
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cogov.demo'))").query(rs -> {
            });
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM cogov_shop_item)").query(Boolean.class).single()) {
                shop(actor, community);
            }
        });
        log.info("Demo mediation cases: {}, councils: {}, volunteer activities: {}", made, council, activities);
        return (made == null ? 0 : made) + (council == null ? 0 : council) + (activities == null ? 0 : activities);
    }

    /** 零距离家园理事会 with three members, a residents' topic being voted on and a members' topic under discussion. */
    private int council(Actor staff, String community) {
        Actor resident = people.actorOf("resident").orElseThrow();
        Council council = councils.create(new CouncilCommands.NewCouncil(community, "零距离家园理事会"), staff);
        councils.addMember(council.id(), new CouncilCommands.AddMember("community", "理事长"), staff);
        councils.addMember(council.id(), new CouncilCommands.AddMember("resident", "居民代表"), staff);
        councils.addMember(council.id(), new CouncilCommands.AddMember("gridworker", "理事"), staff);
        Council.CouncilTopic parking = councils.propose(new CouncilCommands.Propose(council.id(), "小区增设电动自行车充电棚",
                "楼道里充电、飞线充电多，存在火灾隐患，建议在3号楼东侧空地建充电棚。", "demo-topic-1"), resident);
        councils.openDiscussion(parking.id(), staff);
        councils.comment(parking.id(), "东侧空地归属需与物业确认，建议先征求一楼住户意见。", staff);
        councils.openVote(parking.id(), staff);
        Council.CouncilTopic dogs = councils.propose(new CouncilCommands.Propose(council.id(), "文明养犬公约",
                "遛狗不牵绳、犬粪不清理问题突出，拟制定小区文明养犬公约。", "demo-topic-2"), staff);
        councils.openDiscussion(dogs.id(), staff);
        return 1;
    }

    /**
     * Volunteers: the demo resident took part in an activity that is closed (20 points to redeem), and two activities
     * are open for sign-up — one today, one of the 红色服务队 in three days.
     */
    private int volunteering(Actor staff, String community) {
        Actor resident = people.actorOf("resident").orElseThrow();
        volunteers.register("gridworker", new Volunteering.Register(community, null, "电工、水管维修", true), staff);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).withSecond(0).withNano(0);
        Volunteering.VolunteerActivity visit = volunteers.publish(new Volunteering.NewActivity(community, "敬老院陪伴老人",
                "陪老人聊天、读报、包饺子", "社区养老服务站", now.minusHours(2), now.plusMinutes(30), 10, 20, false), staff);
        volunteers.signUp(visit.id(), resident);
        volunteers.signIn(visit.id(), resident);
        volunteers.close(visit.id(), staff);
        volunteers.publish(new Volunteering.NewActivity(community, "小区环境清洁日", "清理楼道小广告、捡拾垃圾",
                "社区党群服务中心门口集合", now.plusHours(1), now.plusHours(3), 20, 10, false), staff);
        volunteers.publish(new Volunteering.NewActivity(community, "红色服务队·家电义务维修", "党员志愿者为居民义务维修小家电",
                "社区广场", now.plusDays(3).withHour(9).withMinute(0), now.plusDays(3).withHour(11).withMinute(30), 8, 15, true), staff);
        return 3;
    }

    /** 积分兑换: three goods and a service in the demo community's shop, one of them nearly gone. */
    private void shop(Actor staff, String community) {
        shop.add(new PointsShop.ShopItemInput(community, "环保洗衣液（1 瓶）", "GOODS", 10, 20), staff);
        shop.add(new PointsShop.ShopItemInput(community, "大米（5 斤）", "GOODS", 15, 10), staff);
        shop.add(new PointsShop.ShopItemInput(community, "节能台灯", "GOODS", 30, 1), staff);
        shop.add(new PointsShop.ShopItemInput(community, "上门理发一次（红色服务队）", "SERVICE", 8, 5), staff);
    }

    /** 党建联盟 of the demo community's street: three member units and their 实事项目 at different stages. */
    private void alliance(Actor staff, String community) {
        String street = community.substring(0, 9);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Alliance.AllianceUnit office = alliance.addUnit(street, "街道机关党委", "机关", staff);
        Alliance.AllianceUnit power = alliance.addUnit(street, "供电营业所党支部", "企业", staff);
        Alliance.AllianceUnit school = alliance.addUnit(street, "中心小学党支部", "学校", staff);
        Alliance.AllianceProject lights = alliance.addProject(office.id(), community, "老旧小区楼道照明改造", "为 12 栋老楼更换声控 LED 灯",
                today.plusMonths(2), staff);
        alliance.report(lights.id(), 60, "已完成 7 栋", staff);
        Alliance.AllianceProject canteen = alliance.addProject(power.id(), community, "社区助老食堂线路改造", "为助老食堂改造厨房用电线路",
                today.plusDays(10), staff);
        alliance.report(canteen.id(), 100, "已通电运行", staff);
        alliance.addProject(school.id(), null, "四点半课堂", "放学后为双职工家庭孩子提供看护和作业辅导", today.plusMonths(4), staff);
    }
}
