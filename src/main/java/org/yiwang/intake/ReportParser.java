package org.yiwang.intake;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.LonLat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.yiwang.intake.Values.blankToNull;

/**
 * Turns the fields of one report (a JSON document or a file row, by English field name) into an
 * {@link ExternalReport}, or names every faulty field. Never throws for bad input.
 */
@Component
class ReportParser {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,30}");
    private static final Pattern COMPONENT_ID = Pattern.compile("[0-9A-Za-z\\-]{1,32}");
    private static final Pattern UNIT_GRID = Pattern.compile("\\d{6,20}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final Clock clock;

    ReportParser(Catalog catalog, WorkingCalendar calendar, Clock clock) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The report, or the problems (then {@code report} is null); {@code externalNo} as far as it could be read. */
    record Parsed(ExternalReport report, List<FieldProblem> problems, String externalNo) {

        boolean ok() {
            return report != null;
        }
    }

    Parsed parse(ReportKind kind, Map<String, String> fields) {
        Fields f = new Fields(fields);
        String number = f.text(kind.numberField(), ExternalReport.MAX_EXTERNAL_NO, true);
        if (number != null && number.chars().anyMatch(Character::isISOControl)) {
            f.problem(kind.numberField(), "intake.field.control");
            number = null;
        }
        return switch (kind) {
            case HOTLINE -> hotline(f, number);
            case URBAN_CASE -> urbanCase(f, number);
        };
    }

    private Parsed hotline(Fields f, String number) {
        Instant calledAt = f.dateTime("calledAt", true);
        String content = f.text("content", ExternalReport.MAX_DESCRIPTION, true);
        String caller = f.text("caller", 100, false);
        String phone = f.phone("phone");
        String type = f.text("type", 100, false);
        String categoryCode = type == null ? null : categoryOfHotlineType(type);
        Common common = common(f, calledAt);
        f.requireSomeLocation(false);
        if (!f.problems.isEmpty()) {
            return new Parsed(null, f.problems, number);
        }
        return new Parsed(new ExternalReport(Channel.HOTLINE_12345, number, calledAt, content, categoryCode, type,
                common.urgency, caller, phone, common.address, common.addressCode, common.lat, common.lon, common.crs,
                null, null, common.due, Map.of()), List.of(), number);
    }

    private Parsed urbanCase(Fields f, String number) {
        Instant reportedAt = f.dateTime("reportedAt", true);
        String description = f.text("description", ExternalReport.MAX_DESCRIPTION, true);
        String categoryCode = urbanCategory(f);
        String componentId = f.text("componentId", 32, false);
        if (componentId != null && !COMPONENT_ID.matcher(componentId).matches()) {
            f.problem("componentId", "intake.field.componentId", componentId);
        }
        String unitGrid = f.text("unitGridCode", 20, false);
        if (unitGrid != null && !UNIT_GRID.matcher(unitGrid).matches()) {
            f.problem("unitGridCode", "intake.field.unitGridCode", unitGrid);
        }
        String reporter = f.text("reporter", 100, false);
        String phone = f.phone("phone");
        String caseSource = f.text("caseSource", 50, false);
        Common common = common(f, reportedAt);
        f.requireSomeLocation(true);
        if (!f.problems.isEmpty()) {
            return new Parsed(null, f.problems, number);
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (caseSource != null) {
            details.put("caseSource", caseSource);
        }
        String kindText = blankToNull(f.values.get("kind"));
        return new Parsed(new ExternalReport(Channel.URBAN_MANAGEMENT, number, reportedAt, description, categoryCode,
                kindText, common.urgency, reporter, phone, common.address, common.addressCode, common.lat, common.lon, common.crs,
                unitGrid, componentId, common.due, details), List.of(), number);
    }

    private record Common(Urgency urgency, Instant due, String address, String addressCode, Double lat, Double lon, String crs) {
    }

    private Common common(Fields f, Instant start) {
        Urgency urgency = Values.urgency(f.values.get("urgency")).orElse(null);
        if (urgency == null) {
            f.problem("urgency", "intake.field.urgency", f.values.get("urgency"));
        }
        Instant due = null;
        String dueText = blankToNull(f.values.get("due"));
        if (dueText != null && start != null) {
            try {
                due = Values.due(dueText, start, calendar).orElse(null);
            } catch (IllegalArgumentException outsideCalendar) {
                due = null;
            }
            if (due == null) {
                f.problem("due", "intake.field.due", dueText);
            } else if (due.isBefore(start)) {
                f.problem("due", "intake.field.dueBeforeStart", dueText);
            }
        }
        String address = f.text("address", ExternalReport.MAX_ADDRESS, false);
        String addressCode = f.text("addressCode", StandardAddress.MAX_CODE, false);
        Double lat = f.number("lat");
        Double lon = f.number("lon");
        if ((lat == null) != (lon == null) && f.fine("lat") && f.fine("lon")) {
            f.problem(lat == null ? "lat" : "lon", "intake.field.pointIncomplete");
        }
        if (lat != null && !LonLat.isLatitude(lat)) {
            f.problem("lat", "intake.field.latitude", lat);
        }
        if (lon != null && !LonLat.isLongitude(lon)) {
            f.problem("lon", "intake.field.longitude", lon);
        }
        String crs = blankToNull(f.values.get("crs"));
        if (crs != null && CoordinateSystem.parse(crs).isEmpty()) {
            f.problem("crs", "intake.field.crs", crs);
        }
        if (lat == null || lon == null) {
            lat = null;
            lon = null;
        }
        return new Common(urgency, due, address, addressCode, lat, lon, crs);
    }

    /** A hotline type that is a catalog code or a category's exact name gives the category; other types are kept as text. */
    private String categoryOfHotlineType(String type) {
        String t = type.strip();
        if (Category.isCode(t.toUpperCase(Locale.ROOT))) {
            return catalog.find(t).filter(Category::enabled).map(Category::code).orElse(null);
        }
        for (Category category : catalog.search(t, false)) {
            if (category.name().equals(t)) {
                return category.code();
            }
        }
        return null;
    }

    /**
     * A 数字城管 category: a full code (C01001, M01001), or the five digits of GB/T 47678.5 with the case
     * kind (部件 → C, 事件/事项 → M), or 大类代码 + 小类编码. An unknown code is an error: the standard's codes
     * are the one thing a 数字城管 case is sure of.
     */
    private String urbanCategory(Fields f) {
        String code = blankToNull(f.values.get("categoryCode"));
        String field = "categoryCode";
        if (code == null) {
            String major = blankToNull(f.values.get("majorCode"));
            String minor = blankToNull(f.values.get("minorCode"));
            if (major == null && minor == null) {
                return null;
            }
            if (major == null || minor == null) {
                f.problem(major == null ? "majorCode" : "minorCode", "intake.field.required");
                return null;
            }
            code = major + minor;
            field = "majorCode";
        }
        code = code.toUpperCase(Locale.ROOT).replace(" ", "");
        if (FIVE_DIGITS.matcher(code).matches()) {
            Optional<Character> letter = kindLetter(f.values.get("kind"));
            if (letter.isEmpty()) {
                f.problem("kind", blankToNull(f.values.get("kind")) == null ? "intake.field.kindRequired" : "intake.field.kind",
                        String.valueOf(f.values.get("kind")));
                return null;
            }
            code = letter.get() + code;
        }
        if (!Category.isCode(code)) {
            f.problem(field, "intake.field.categoryCode", code);
            return null;
        }
        Optional<Category> category = catalog.find(code).filter(Category::enabled);
        if (category.isEmpty()) {
            f.problem(field, "intake.field.unknownCategory", code);
            return null;
        }
        return category.get().code();
    }

    private static Optional<Character> kindLetter(String kind) {
        String k = blankToNull(kind);
        if (k == null) {
            return Optional.empty();
        }
        return switch (k.toUpperCase(Locale.ROOT)) {
            case "部件", "部件类", "COMPONENT", "C" -> Optional.of('C');
            case "事件", "事件类", "事项", "事项类", "MATTER", "M", "EVENT" -> Optional.of('M');
            default -> Optional.empty();
        };
    }

    /** The fields of one report and the problems found so far. */
    private final class Fields {

        final Map<String, String> values;
        final List<FieldProblem> problems = new ArrayList<>();

        Fields(Map<String, String> values) {
            this.values = values;
        }

        void problem(String field, String key, Object... args) {
            problems.add(FieldProblem.of(field, key, args));
        }

        boolean fine(String field) {
            return problems.stream().noneMatch(p -> field.equals(p.field()));
        }

        String text(String field, int max, boolean required) {
            String value = blankToNull(values.get(field));
            if (value == null) {
                if (required) {
                    problem(field, "intake.field.required");
                }
                return null;
            }
            if (value.length() > max) {
                problem(field, "intake.field.tooLong", max, value.length());
                return null;
            }
            return value;
        }

        String phone(String field) {
            String value = blankToNull(values.get(field));
            if (value != null && !PHONE.matcher(value).matches()) {
                problem(field, "intake.field.phone");
                return null;
            }
            return value;
        }

        Instant dateTime(String field, boolean required) {
            String value = blankToNull(values.get(field));
            if (value == null) {
                if (required) {
                    problem(field, "intake.field.required");
                }
                return null;
            }
            Optional<Instant> at = Values.dateTime(value);
            if (at.isEmpty()) {
                problem(field, "intake.field.dateTime", value);
                return null;
            }
            if (at.get().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
                problem(field, "intake.field.future", value);
                return null;
            }
            return at.get();
        }

        Double number(String field) {
            String value = blankToNull(values.get(field));
            if (value == null) {
                return null;
            }
            Optional<Double> n = Values.number(value);
            if (n.isEmpty()) {
                problem(field, "intake.field.number", value);
                return null;
            }
            return n.get();
        }

        /** Something to find the place by: a point, a standard-address code, an address, or (数字城管) a unit grid. */
        void requireSomeLocation(boolean unitGridCounts) {
            boolean any = blankToNull(values.get("lat")) != null || blankToNull(values.get("address")) != null
                    || blankToNull(values.get("addressCode")) != null
                    || (unitGridCounts && blankToNull(values.get("unitGridCode")) != null);
            if (!any) {
                problem("address", unitGridCounts ? "intake.field.noPlaceCase" : "intake.field.noPlace");
            }
        }
    }
}
