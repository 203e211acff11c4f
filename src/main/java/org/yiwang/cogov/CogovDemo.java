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
import org.yiwang.cogov.mediation.DisputeClass;
import org.yiwang.cogov.mediation.MediationCase;
import org.yiwang.cogov.mediation.MediationCommands;
import org.yiwang.cogov.mediation.Mediations;
import org.yiwang.cogov.mediation.PartyRole;
import org.yiwang.cogov.mediation.RiskLevel;
import org.yiwang.people.People;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.YiwangProperties;

import java.time.Clock;
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
    private final Clock clock;

    CogovDemo(YiwangProperties yiwang, CogovProperties properties, JdbcClient jdbc, TransactionTemplate transactions, People people,
              Mediations mediations, Clock clock) {
        this.yiwang = yiwang;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.people = people;
        this.mediations = mediations;
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
        log.info("Demo mediation cases: {}", made);
        return made == null ? 0 : made;
    }
}
