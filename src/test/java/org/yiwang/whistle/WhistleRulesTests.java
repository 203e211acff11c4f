package org.yiwang.whistle;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.whistle.WhistleFixtures.DISTRICT_LEADER;
import static org.yiwang.whistle.WhistleFixtures.FUZIMIAO_DISPATCHER;
import static org.yiwang.whistle.WhistleFixtures.HONGHUA_DISPATCHER;
import static org.yiwang.whistle.WhistleFixtures.MARKET_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.MARKET_REGULATION;
import static org.yiwang.whistle.WhistleFixtures.POLICE_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.RESIDENT;
import static org.yiwang.whistle.WhistleFixtures.URBAN_HANDLER;
import static org.yiwang.whistle.WhistleFixtures.URBAN_MANAGEMENT;
import static org.yiwang.whistle.WhistleFixtures.routineOnFuzimiao;

/** Commands, the access policy, report-in limits and grades — the rules around the aggregate. */
class WhistleRulesTests {

    @Test
    void aWhistleNeedsAKindAReasonAndDistinctDepartments() {
        assertBadRequest(() -> BlowWhistle.of(null, "理由", List.of(1L)), "whistle.error.kindRequired");
        assertBadRequest(() -> BlowWhistle.of("LOUD", "理由", List.of(1L)), "whistle.error.kindUnknown");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "  ", List.of(1L)), "whistle.error.required");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "长".repeat(Input.MAX_TEXT + 1), List.of(1L)), "whistle.error.tooLong");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "理由", List.of()), "whistle.error.departmentsRequired");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "理由", null), "whistle.error.departmentsRequired");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "理由", List.of(1L, 2L, 1L)), "whistle.error.duplicateDepartment");
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "理由", List.of(-3L)), "whistle.error.departmentId");
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= BlowWhistle.MAX_DEPARTMENTS + 1; i++) {
            many.add(i);
        }
        assertBadRequest(() -> BlowWhistle.of("ROUTINE", "理由", many), "whistle.error.tooManyDepartments");

        BlowWhistle ok = BlowWhistle.of("emergency", "  燃气泄漏  ", List.of(3L, 1L));
        assertThat(ok.kind()).isEqualTo(WhistleKind.EMERGENCY);
        assertThat(ok.reason()).isEqualTo("燃气泄漏");
        assertThat(ok.departmentIds()).containsExactly(3L, 1L);
    }

    @Test
    void aReportInNeedsANoteAndAKnownResponse() {
        assertBadRequest(() -> ReportIn.of(null, null, "", List.of()), "whistle.error.required");
        assertBadRequest(() -> ReportIn.of(null, "MAYBE", "到", List.of()), "whistle.error.responseUnknown");
        assertBadRequest(() -> ReportIn.of(null, "PENDING", "到", List.of()), "whistle.error.responseUnknown");
        assertBadRequest(() -> ReportIn.of(null, null, "到", Collections.nCopies(Input.MAX_PHOTOS + 1, "abc")), "whistle.error.tooManyPhotos");
        assertBadRequest(() -> ReportIn.of(null, null, "到", List.of("../etc/passwd")), "whistle.error.photoId");

        assertThat(ReportIn.of(null, null, "到", null).response()).isEqualTo(Summons.State.ARRIVED);
        assertThat(ReportIn.of(7L, "not_our_duty", "非我职责", List.of("a1", "a1")).photoIds()).containsExactly("a1");
    }

    @Test
    void anOutcomeAndACancellationNeedTheirWords() {
        assertBadRequest(() -> RecordOutcome.of(null, "结"), "whistle.error.outcomeRequired");
        assertBadRequest(() -> RecordOutcome.of("DONE", "结"), "whistle.error.outcomeUnknown");
        assertBadRequest(() -> RecordOutcome.of("RESOLVED", null), "whistle.error.required");
        assertBadRequest(() -> new CancelWhistle(" "), "whistle.error.required");
        assertThat(RecordOutcome.of("partially_resolved", "部分").outcome()).isEqualTo(Outcome.PARTIALLY_RESOLVED);
    }

    @Test
    void theStreetCommandsItsWhistlesAndNobodyElse() {
        Whistle whistle = routineOnFuzimiao();
        assertThat(WhistlePolicy.commandsStreet(FUZIMIAO_DISPATCHER, whistle.streetCode())).isTrue();
        assertThat(WhistlePolicy.commandsStreet(HONGHUA_DISPATCHER, whistle.streetCode())).isFalse();
        assertThat(WhistlePolicy.commandsStreet(DISTRICT_LEADER, whistle.streetCode())).isFalse();
        assertThat(WhistlePolicy.commandsStreet(URBAN_HANDLER, whistle.streetCode())).isFalse();
        assertThat(WhistlePolicy.commandsStreet(Actor.system(), whistle.streetCode())).isTrue();

        assertThat(WhistlePolicy.allowedActions(FUZIMIAO_DISPATCHER, whistle)).containsExactly("RECORD_OUTCOME", "CANCEL");
        assertThat(WhistlePolicy.allowedActions(URBAN_HANDLER, whistle)).containsExactly("REPORT_IN");
        assertThat(WhistlePolicy.allowedActions(DISTRICT_LEADER, whistle)).isEmpty();
    }

    @Test
    void departmentsSeeTheWhistlesThatSummonedThemAndTerritorialStaffTheirStreets() {
        Whistle whistle = routineOnFuzimiao();
        assertThat(WhistlePolicy.canSee(FUZIMIAO_DISPATCHER, whistle)).isTrue();
        assertThat(WhistlePolicy.canSee(DISTRICT_LEADER, whistle)).isTrue();
        assertThat(WhistlePolicy.canSee(URBAN_HANDLER, whistle)).isTrue();
        assertThat(WhistlePolicy.canSee(MARKET_HANDLER, whistle)).isTrue();
        assertThat(WhistlePolicy.canSee(HONGHUA_DISPATCHER, whistle)).isFalse();
        assertThat(WhistlePolicy.canSee(POLICE_HANDLER, whistle)).isFalse(); // a department of the district, but not summoned
        assertThat(WhistlePolicy.canSee(RESIDENT, whistle)).isFalse();

        assertThat(WhistlePolicy.answerableBy(URBAN_HANDLER, whistle)).containsExactly(URBAN_MANAGEMENT);
        assertThat(WhistlePolicy.answerableBy(POLICE_HANDLER, whistle)).isEmpty();
        assertThat(WhistlePolicy.answerableBy(FUZIMIAO_DISPATCHER, whistle)).isEmpty();
    }

    @Test
    void onceADepartmentHasAnsweredItMayNotReportInAgain() {
        Whistle whistle = routineOnFuzimiao();
        whistle.reportIn(MARKET_REGULATION, Summons.State.ARRIVED, "到", List.of(), MARKET_HANDLER, whistle.blownAt().plusSeconds(60));
        assertThat(WhistlePolicy.allowedActions(MARKET_HANDLER, whistle)).isEmpty();
        whistle.cancel("撤", FUZIMIAO_DISPATCHER, whistle.blownAt().plusSeconds(120));
        assertThat(WhistlePolicy.allowedActions(FUZIMIAO_DISPATCHER, whistle)).isEmpty();
    }

    @Test
    void reportInLimitsFollowTheKindAndTheWorkingCalendar() {
        ReportLimits limits = new ReportLimits(new WhistleConfiguration.WhistleProperties(
                new WhistleConfiguration.Limits("2 WORKING_DAYS", "4 working_hours", "30 MINUTES"), true,
                java.time.Duration.ofMinutes(1), 100), WhistleFixtures.CALENDAR);
        Instant fridayAfternoon = Instant.parse("2026-11-27T08:00:00Z"); // Friday 16:00 in Nanjing

        assertThat(limits.limitFor(WhistleKind.TOUGH)).isEqualTo(new TimeLimit(4, LimitUnit.WORKING_HOURS));
        assertThat(limits.dueAt(WhistleKind.ROUTINE, fridayAfternoon)).isEqualTo(Instant.parse("2026-12-01T08:00:00Z")); // Tuesday 16:00
        assertThat(limits.dueAt(WhistleKind.TOUGH, fridayAfternoon)).isEqualTo(Instant.parse("2026-11-30T03:00:00Z")); // 1.5 h on Friday, 2.5 h on Monday: 11:00
        assertThat(limits.dueAt(WhistleKind.EMERGENCY, Instant.parse("2026-11-28T14:00:00Z"))) // Saturday 22:00: around the clock
                .isEqualTo(Instant.parse("2026-11-28T14:30:00Z"));
    }

    @Test
    void aMisconfiguredLimitStopsTheStartNamingTheProperty() {
        assertThat(ReportLimits.parse("routine", " 3   working_days ")).isEqualTo(TimeLimit.workingDays(3));
        for (String bad : new String[]{null, "", "2", "two WORKING_DAYS", "0 MINUTES", "2 FORTNIGHTS", "2 WORKING_DAYS extra"}) {
            assertThatThrownBy(() -> ReportLimits.parse("tough", bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("yiwang.whistle.report-limits.tough");
        }
    }

    @Test
    void gradesFollowTheAssessmentBands() {
        assertThat(WhistleStats.Grade.of(null)).isNull();
        assertThat(WhistleStats.Grade.of(1.0)).isEqualTo(WhistleStats.Grade.A);
        assertThat(WhistleStats.Grade.of(0.9)).isEqualTo(WhistleStats.Grade.A);
        assertThat(WhistleStats.Grade.of(0.8999)).isEqualTo(WhistleStats.Grade.B);
        assertThat(WhistleStats.Grade.of(0.75)).isEqualTo(WhistleStats.Grade.B);
        assertThat(WhistleStats.Grade.of(0.6)).isEqualTo(WhistleStats.Grade.C);
        assertThat(WhistleStats.Grade.of(0.4)).isEqualTo(WhistleStats.Grade.D);
        assertThat(WhistleStats.Grade.of(0.3999)).isEqualTo(WhistleStats.Grade.E);
        assertThat(WhistleStats.rate(2, 3)).isEqualTo(0.6667);
        assertThat(WhistleStats.rate(1, 0)).isNull();
    }

    private static void assertBadRequest(Runnable command, String key) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(LocalizedException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
