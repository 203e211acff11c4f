package org.yiwang.catalog.internal;

import org.yiwang.platform.Csv;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.DayKind;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.SetTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.Urgency;
import org.yiwang.people.DepartmentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data shipped in {@code classpath:catalog/}: the GB/T 47678.5 catalog as published, the
 * platform's attributes of its items, the local categories, the major classes, the default time limits
 * and the holidays. A fault in these files is a bug of the release, so reading them fails loudly.
 */
public final class ShippedData {

    public static final String STANDARD = "catalog/urban-management-catalog-gbt47678.5.csv";
    static final String ATTRIBUTES = "catalog/category-attributes.csv";
    static final String LOCAL = "catalog/local-categories.csv";
    static final String MAJOR_CLASSES = "catalog/major-classes.csv";
    static final String TIME_LIMITS = "catalog/default-time-limits.csv";
    static final String HOLIDAYS = "catalog/holidays-cn.csv";
    static final String YEARS = "catalog/calendar-years.csv";

    private ShippedData() {
    }

    public static List<MajorClass> majorClasses() {
        return rows(MAJOR_CLASSES, 3).stream()
                .map(r -> new MajorClass(r.get(0), CategoryKind.ofLetter(r.get(0).charAt(0)).orElseThrow(), r.get(1), r.get(2)))
                .toList();
    }

    /** The standard's components and matters with the platform's attributes, then the local categories. */
    public static List<Category> categories() {
        Map<String, List<String>> attributes = new HashMap<>();
        for (List<String> row : rows(ATTRIBUTES, 4)) {
            if (attributes.put(row.get(0), row) != null) {
                throw new IllegalStateException(ATTRIBUTES + " repeats " + row.get(0));
            }
        }
        List<Category> categories = new ArrayList<>();
        for (List<String> row : rows(STANDARD, 4)) {
            CategoryKind kind = switch (row.get(0)) {
                case "component" -> CategoryKind.COMPONENT;
                case "matter" -> CategoryKind.MATTER;
                default -> throw new IllegalStateException(STANDARD + ": unknown kind " + row.get(0));
            };
            String code = kind.letter() + row.get(1);
            List<String> extra = attributes.remove(code);
            categories.add(new Category(code, kind, code.substring(0, 3), row.get(3), null,
                    extra == null ? List.of() : keywords(extra.get(1)),
                    extra == null ? null : department(extra.get(2)),
                    extra != null && Boolean.parseBoolean(extra.get(3)), true));
        }
        if (!attributes.isEmpty()) {
            throw new IllegalStateException(ATTRIBUTES + " names codes the standard lacks: " + attributes.keySet());
        }
        for (List<String> row : rows(LOCAL, 6)) {
            String code = row.get(0);
            categories.add(new Category(code, CategoryKind.LOCAL, code.substring(0, 3), row.get(1), row.get(2),
                    keywords(row.get(3)), department(row.get(4)), Boolean.parseBoolean(row.get(5)), true));
        }
        return List.copyOf(categories);
    }

    public static List<SetTimeLimit> timeLimits() {
        return rows(TIME_LIMITS, 6).stream()
                .map(r -> new SetTimeLimit(r.get(0), Urgency.valueOf(r.get(1)), Stage.valueOf(r.get(2)),
                        new TimeLimit(Integer.parseInt(r.get(3)), LimitUnit.valueOf(r.get(4))), r.get(5)))
                .toList();
    }

    public static List<CalendarYear> years() {
        return rows(YEARS, 3).stream()
                .map(r -> new CalendarYear(Integer.parseInt(r.get(0)), Boolean.parseBoolean(r.get(1)), r.get(2)))
                .toList();
    }

    public static List<CalendarDay> holidays() {
        return rows(HOLIDAYS, 3).stream()
                .map(r -> new CalendarDay(LocalDate.parse(r.get(0)), DayKind.valueOf(r.get(1)), r.get(2)))
                .toList();
    }

    private static List<String> keywords(String text) {
        return Arrays.stream(text.split(";")).map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    private static DepartmentType department(String text) {
        return text.isBlank() ? null : DepartmentType.valueOf(text.strip());
    }

    /** The data rows (header dropped) of a shipped file, each with exactly {@code columns} fields. */
    static List<List<String>> rows(String resource, int columns) {
        String text;
        try (InputStream in = ShippedData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Csv.Row> rows = Csv.read(text, true);
        List<List<String>> data = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.malformed() || row.fields().size() != columns) {
                throw new IllegalStateException(resource + " line " + row.line() + " is malformed");
            }
            data.add(row.fields().stream().map(String::strip).toList());
        }
        return data;
    }
}
