package org.yiwang.catalog.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.WorkingPeriod;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The working calendar in the database: hours and weekend, years, and dates set explicitly. */
@Repository
public class CalendarStore {

    /** Working hours and weekend. */
    public record Settings(List<WorkingPeriod> hours, Set<DayOfWeek> weekend) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings settings() {
        return jdbc.sql("SELECT working_hours, weekend FROM catalog_calendar WHERE id = 1")
                .query((rs, n) -> new Settings(
                        Arrays.stream(rs.getString("working_hours").split(",")).map(WorkingPeriod::parse).toList(),
                        weekend(rs.getString("weekend"))))
                .single();
    }

    public void saveSettings(Settings settings, String by, Instant at) {
        jdbc.sql("UPDATE catalog_calendar SET working_hours = :hours, weekend = :weekend, updated_by = :by, updated_at = :at WHERE id = 1")
                .param("hours", settings.hours().stream().map(WorkingPeriod::toString).collect(Collectors.joining(",")))
                .param("weekend", settings.weekend().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    public List<CalendarDay> days() {
        return jdbc.sql("SELECT day, kind, name FROM catalog_calendar_day ORDER BY day")
                .query((rs, n) -> new CalendarDay(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
                .list();
    }

    public List<CalendarYear> years() {
        return jdbc.sql("SELECT year, provisional, source FROM catalog_calendar_year ORDER BY year")
                .query((rs, n) -> new CalendarYear(rs.getInt("year"), rs.getBoolean("provisional"), rs.getString("source")))
                .list();
    }

    /** Sets a date, replacing what it was set to before. */
    public void setDay(CalendarDay day, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO catalog_calendar_day (day, kind, name, updated_by, updated_at) VALUES (:day, :kind, :name, :by, :at)
                        ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("day", day.date()).param("kind", day.kind().name()).param("name", day.name())
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    public boolean insertDayIfAbsent(CalendarDay day, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO catalog_calendar_day (day, kind, name, updated_by, updated_at) VALUES (:day, :kind, :name, :by, :at)
                        ON CONFLICT (day) DO NOTHING""")
                .param("day", day.date()).param("kind", day.kind().name()).param("name", day.name())
                .param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public boolean deleteDay(LocalDate date) {
        return jdbc.sql("DELETE FROM catalog_calendar_day WHERE day = :day").param("day", date).update() == 1;
    }

    public void setYear(CalendarYear year, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO catalog_calendar_year (year, provisional, source, updated_by, updated_at)
                        VALUES (:year, :provisional, :source, :by, :at)
                        ON CONFLICT (year) DO UPDATE SET provisional = EXCLUDED.provisional, source = EXCLUDED.source,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("year", year.year()).param("provisional", year.provisional()).param("source", year.source())
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** Records a year (as provisional) when a date of it is set and the year has no record yet. */
    public void addYearIfAbsent(int year, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO catalog_calendar_year (year, provisional, source, updated_by, updated_at)
                        VALUES (:year, TRUE, NULL, :by, :at) ON CONFLICT (year) DO NOTHING""")
                .param("year", year).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    static Set<DayOfWeek> weekend(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : text.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.strip()));
            }
        }
        return days;
    }
}
