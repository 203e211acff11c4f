package org.yiwang.fieldwork;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * 在格时长 — how long a patrol was inside the worker's own grid(s), per calendar day. The points are taken
 * in time order whatever order they arrived in, a second point at the same instant is ignored, and the
 * time between two consecutive points counts only when both lie inside the worker's grids and they are at
 * most {@code maxGap} apart (a longer silence — phone off, no signal, a break — proves nothing). Time that
 * crosses midnight is split between the two days of {@code zone}.
 *
 * @param maxGap the longest pause between two points that still counts (5 minutes by default)
 */
public record TimeInGridPolicy(Duration maxGap, ZoneId zone) {

    public TimeInGridPolicy {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("max gap must be positive: " + maxGap);
        }
    }

    /** The time inside the grids per day; days without any counted time are absent. */
    public Map<LocalDate, Duration> perDay(Collection<TrackPoint> points, Predicate<TrackPoint> insideOwnGrid) {
        List<TrackPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(TrackPoint::at).thenComparingInt(TrackPoint::seq));
        Map<LocalDate, Duration> days = new TreeMap<>();
        TrackPoint previous = null;
        boolean previousInside = false;
        for (TrackPoint point : sorted) {
            if (previous != null && !point.at().isAfter(previous.at())) {
                continue;
            }
            boolean inside = insideOwnGrid.test(point);
            if (previous != null && previousInside && inside
                    && Duration.between(previous.at(), point.at()).compareTo(maxGap) <= 0) {
                add(days, previous.at(), point.at());
            }
            previous = point;
            previousInside = inside;
        }
        return days;
    }

    /** The interval [from, to) split at each midnight of the zone. */
    private void add(Map<LocalDate, Duration> days, Instant from, Instant to) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = midnight.isBefore(to) ? midnight : to;
            days.merge(day, Duration.between(start, end), Duration::plus);
            start = end;
        }
    }
}
