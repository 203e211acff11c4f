package org.yiwang.fieldwork;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The time-in-grid rule: consecutive points both inside, at most 5 minutes apart, split at Shanghai midnight. */
class TimeInGridPolicyTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final TimeInGridPolicy POLICY = new TimeInGridPolicy(Duration.ofMinutes(5), SHANGHAI);
    static final Instant MORNING = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, SHANGHAI).toInstant();
    /** Inside means east of longitude 118.79 — a grid whose west edge is that meridian. */
    static final Predicate<TrackPoint> EAST = p -> p.lon() >= 118.79;

    static TrackPoint at(int seq, Instant at, double lon) {
        return new TrackPoint(seq, at, 32.02, lon, 8f);
    }

    /** A walk inside the grid: one point a minute for {@code minutes} minutes. */
    static List<TrackPoint> walk(Instant start, int minutes) {
        List<TrackPoint> points = new ArrayList<>();
        for (int i = 0; i <= minutes; i++) {
            points.add(at(i + 1, start.plus(Duration.ofMinutes(i)), 118.80));
        }
        return points;
    }

    @Test
    void timeBetweenPointsInsideTheGridCounts() {
        assertThat(POLICY.perDay(walk(MORNING, 200), EAST))
                .containsExactly(Map.entry(LocalDate.of(2026, 3, 2), Duration.ofMinutes(200)));
    }

    @Test
    void aGapLongerThanFiveMinutesDoesNotCountButFiveMinutesExactlyDoes() {
        List<TrackPoint> points = List.of(at(1, MORNING, 118.80), at(2, MORNING.plus(Duration.ofMinutes(5)), 118.80),
                at(3, MORNING.plus(Duration.ofMinutes(10).plusSeconds(1)), 118.80),
                at(4, MORNING.plus(Duration.ofMinutes(11).plusSeconds(1)), 118.80));
        assertThat(POLICY.perDay(points, EAST).get(LocalDate.of(2026, 3, 2))).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void stepsThatLeaveOrEnterTheGridDoNotCount() {
        List<TrackPoint> points = List.of(at(1, MORNING, 118.80), at(2, MORNING.plus(Duration.ofMinutes(1)), 118.78),
                at(3, MORNING.plus(Duration.ofMinutes(2)), 118.80), at(4, MORNING.plus(Duration.ofMinutes(3)), 118.80));
        assertThat(POLICY.perDay(points, EAST).get(LocalDate.of(2026, 3, 2))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPointOnTheGridsEdgeIsInsideWhenTheGridSaysSo() {
        List<TrackPoint> points = List.of(at(1, MORNING, 118.79), at(2, MORNING.plus(Duration.ofMinutes(2)), 118.80));
        assertThat(POLICY.perDay(points, EAST).get(LocalDate.of(2026, 3, 2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(POLICY.perDay(points, p -> p.lon() > 118.79)).isEmpty();
    }

    @Test
    void aPatrolAcrossMidnightIsSplitBetweenTheShanghaiDays() {
        Instant lateEvening = ZonedDateTime.of(2026, 3, 2, 23, 0, 0, 0, SHANGHAI).toInstant();
        Map<LocalDate, Duration> days = POLICY.perDay(walk(lateEvening, 120), EAST);
        assertThat(days).containsExactly(Map.entry(LocalDate.of(2026, 3, 2), Duration.ofMinutes(60)),
                Map.entry(LocalDate.of(2026, 3, 3), Duration.ofMinutes(60)));
    }

    @Test
    void aStepThatCrossesMidnightIsSplitToTheSecond() {
        Instant beforeMidnight = ZonedDateTime.of(2026, 3, 2, 23, 58, 30, 0, SHANGHAI).toInstant();
        List<TrackPoint> points = List.of(at(1, beforeMidnight, 118.80), at(2, beforeMidnight.plusSeconds(240), 118.80));
        assertThat(POLICY.perDay(points, EAST)).containsExactly(Map.entry(LocalDate.of(2026, 3, 2), Duration.ofSeconds(90)),
                Map.entry(LocalDate.of(2026, 3, 3), Duration.ofSeconds(150)));
    }

    @Test
    void threeHoursADayMeetTheTargetAndOneSecondLessDoesNot() {
        assertThat(PatrolTarget.of(Duration.ofHours(3), Duration.ofHours(3))).isEqualTo(PatrolTarget.MET);
        assertThat(PatrolTarget.of(Duration.ofHours(3).minusSeconds(1), Duration.ofHours(3))).isEqualTo(PatrolTarget.NOT_MET);
    }

    @Property
    void orderOfArrivalAndDuplicatesDoNotChangeTheTime(@ForAll @Size(min = 2, max = 60) List<@IntRange(min = 0, max = 600) Integer> gapsInSeconds,
                                                        @ForAll @Size(min = 2, max = 60) List<Boolean> inside,
                                                        @ForAll long seed) {
        List<TrackPoint> points = new ArrayList<>();
        Instant t = ZonedDateTime.of(2026, 3, 2, 23, 30, 0, 0, SHANGHAI).toInstant();
        for (int i = 0; i < gapsInSeconds.size(); i++) {
            t = t.plusSeconds(gapsInSeconds.get(i) + 1);
            points.add(at(i + 1, t, inside.get(i % inside.size()) ? 118.80 : 118.70));
        }
        Map<LocalDate, Duration> inOrder = POLICY.perDay(points, EAST);
        List<TrackPoint> shuffled = new ArrayList<>(points);
        shuffled.addAll(points.subList(0, points.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(POLICY.perDay(shuffled, EAST)).isEqualTo(inOrder);
    }

    @Property
    void theTimeNeverExceedsTheTrackSpanNorCountsAnyGapOverFiveMinutes(
            @ForAll @Size(min = 2, max = 60) List<@IntRange(min = 1, max = 900) Integer> gapsInSeconds) {
        List<TrackPoint> points = new ArrayList<>();
        Instant t = MORNING;
        long expected = 0;
        for (int i = 0; i < gapsInSeconds.size(); i++) {
            int gap = gapsInSeconds.get(i);
            if (i > 0 && gap <= 300) {
                expected += gap;
            }
            t = t.plusSeconds(gap);
            points.add(at(i + 1, t, 118.80));
        }
        Duration total = POLICY.perDay(points, EAST).values().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isEqualTo(Duration.ofSeconds(expected));
        assertThat(total).isLessThanOrEqualTo(Duration.between(points.getFirst().at(), points.getLast().at()));
    }
}
