package org.yiwang.catalog.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.catalog.internal.ShippedData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines and elapsed working time per second on one thread, on the shipped 2026–2027 calendar, from
 * random starts — what the SLA module does for every open case when it recomputes traffic lights.
 * <p>
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec -Dbench=WorkingCalendar}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class WorkingCalendarBenchmark {

    private static final int STARTS = 1 << 14;

    WorkSchedule calendar;
    Instant[] starts;
    int next;

    @Setup
    public void setUp() {
        calendar = WorkSchedule.standard(ShippedData.holidays());
        Instant from = LocalDateTime.parse("2026-01-01T00:00").atZone(WorkingCalendar.ZONE).toInstant();
        SplittableRandom random = new SplittableRandom(47678);
        starts = new Instant[STARTS];
        for (int i = 0; i < STARTS; i++) {
            starts[i] = from.plusSeconds(random.nextLong(Duration.ofDays(700).toSeconds()));
        }
    }

    private Instant start() {
        return starts[next++ & (STARTS - 1)];
    }

    @Benchmark
    public Instant dueInThreeWorkingDays() {
        return calendar.due(start(), TimeLimit.workingDays(3));
    }

    @Benchmark
    public Instant dueInFourWorkingHours() {
        return calendar.due(start(), TimeLimit.workingHours(4));
    }

    @Benchmark
    public double fractionUsedOfThreeWorkingDays() {
        Instant start = start();
        return calendar.fractionUsed(start, start.plus(Duration.ofDays(2)), TimeLimit.workingDays(3));
    }
}
