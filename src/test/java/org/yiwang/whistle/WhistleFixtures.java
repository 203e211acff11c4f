package org.yiwang.whistle;

import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Whistles and people for the plain unit tests: a street in 秦淮区, two of its departments. */
final class WhistleFixtures {

    static final Instant MONDAY_9 = Instant.parse("2026-11-23T01:00:00Z"); // Monday 09:00 in Nanjing
    static final String DISTRICT = "320104";
    static final String FUZIMIAO = "320104002";
    static final long URBAN_MANAGEMENT = 7;
    static final long MARKET_REGULATION = 8;
    static final long POLICE = 9;
    static final WorkingCalendar CALENDAR = new WorkSchedule(WorkSchedule.DEFAULT_HOURS, WorkSchedule.DEFAULT_WEEKEND, List.of(),
            WorkingCalendar.ZONE);

    static final Actor FUZIMIAO_DISPATCHER = new Actor(20, "dispatcher", "王磊", Set.of(Role.DISPATCHER), 2L, "夫子庙街道指挥中心",
            DataScope.division(FUZIMIAO), false);
    static final Actor HONGHUA_DISPATCHER = new Actor(21, "dispatcher-honghua", "李娜", Set.of(Role.DISPATCHER), 3L, "红花街道指挥中心",
            DataScope.division("320104003"), false);
    static final Actor DISTRICT_LEADER = new Actor(22, "leader", "赵强", Set.of(Role.LEADER), 1L, "秦淮区指挥中心",
            DataScope.division(DISTRICT), false);
    static final Actor URBAN_HANDLER = department(30, URBAN_MANAGEMENT, "秦淮区城市管理局");
    static final Actor MARKET_HANDLER = department(31, MARKET_REGULATION, "秦淮区市场监督管理局");
    static final Actor POLICE_HANDLER = department(32, POLICE, "夫子庙派出所");
    static final Actor RESIDENT = new Actor(40, "resident", "周敏", Set.of(Role.RESIDENT), null, null, DataScope.NONE, false);

    private WhistleFixtures() {
    }

    static Actor department(long userId, long departmentId, String name) {
        return new Actor(userId, "handler-" + departmentId, name + "处置人员", Set.of(Role.HANDLER), departmentId, name,
                new DataScope(false, Set.of(DISTRICT), Set.of(departmentId)), false);
    }

    /** A routine whistle on an order in 夫子庙, summoning 城管 and 市场监管, due two working days later. */
    static Whistle routineOnFuzimiao() {
        return blown(WhistleKind.ROUTINE, TimeLimit.workingDays(2), MONDAY_9);
    }

    static Whistle blown(WhistleKind kind, TimeLimit limit, Instant at) {
        BlowWhistle command = new BlowWhistle(kind, "占道经营反复回潮，需城管、市场监管联合整治", List.of(URBAN_MANAGEMENT, MARKET_REGULATION));
        Whistle whistle = Whistle.blow("WH20261123000001", command, new Whistle.OrderRef(100, "YW202611230001", DISTRICT, FUZIMIAO),
                new Whistle.CommandCentre(2L, "夫子庙街道指挥中心"),
                List.of(new Whistle.Department(URBAN_MANAGEMENT, "秦淮区城市管理局"), new Whistle.Department(MARKET_REGULATION, "秦淮区市场监督管理局")),
                limit, CALENDAR.due(at, limit), FUZIMIAO_DISPATCHER, at);
        whistle.saved(1, 0);
        return whistle;
    }

    static Instant after(Duration duration) {
        return MONDAY_9.plus(duration);
    }
}
