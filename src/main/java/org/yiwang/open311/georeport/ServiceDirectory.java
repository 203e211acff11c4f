package org.yiwang.open311.georeport;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.catalog.MajorClass;
import org.yiwang.catalog.Urgency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The services of GeoReport v2, from the catalog: each enabled category is a service (service_code = the
 * category code, group = its major class, keywords = its synonyms), and each major class asks its own
 * attributes — what is wrong with a component, how large a mess is, whether construction runs at night,
 * how many people a street-order matter involves — besides the urgency and the time it was seen, which
 * every service asks.
 */
@Component
public class ServiceDirectory {

    public static final String URGENCY = "URGENCY";
    private static final int MAX_TEXT = 1000;
    private static final Locale DISPATCH = Locale.SIMPLIFIED_CHINESE;
    private static final List<Attribute> COMMON = List.of(
            Attribute.of(URGENCY, "singlevaluelist", false, "NORMAL", "URGENT", "CRITICAL"),
            Attribute.of("OCCURRED_AT", "datetime", false));
    private static final Attribute HAZARDS = Attribute.of("HAZARDS", "multivaluelist", false, "TRAFFIC", "INJURY", "FLOODING", "NOISE", "ODOR");
    private static final Attribute DETAILS = Attribute.of("DETAILS", "text", false);
    private static final List<Attribute> COMPONENT = List.of(
            Attribute.of("DAMAGE", "singlevaluelist", true, "BROKEN", "MISSING", "TILTED", "BLOCKED", "SOILED", "OTHER"),
            Attribute.of("COMPONENT_ID", "string", false),
            HAZARDS);

    private final Catalog catalog;
    private final MessageSource messages;

    ServiceDirectory(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The enabled category behind a service code. */
    public Optional<Category> service(String code) {
        if (code == null || code.isBlank() || !Category.isCode(code.strip().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return catalog.find(code).filter(Category::enabled);
    }

    /** The attributes a service asks, in order. */
    public List<Attribute> attributes(Category category) {
        List<Attribute> list = new ArrayList<>(COMMON);
        String major = category.majorClass();
        switch (major) {
            case "C01", "C02", "C03", "C04", "C05", "M01", "M02", "M03", "M04", "M05" -> list.addAll(COMPONENT);
            case "M06" -> list.addAll(List.of(Attribute.of("EXTENT", "number", false), Attribute.of("ONGOING", "singlevaluelist", false, "YES", "NO"), HAZARDS));
            case "M07" -> list.addAll(List.of(Attribute.of("AD_KIND", "singlevaluelist", true, "FLYER", "BANNER", "BILLBOARD", "PAINTED", "OTHER"),
                    Attribute.of("EXTENT", "number", false)));
            case "M08" -> list.addAll(List.of(Attribute.of("SITE_NAME", "string", false), Attribute.of("NIGHT_WORK", "singlevaluelist", false, "YES", "NO"), HAZARDS));
            case "M09" -> list.addAll(List.of(Attribute.of("ONGOING", "singlevaluelist", true, "YES", "NO"), Attribute.of("PEOPLE_COUNT", "number", false)));
            case "M10", "L02" -> list.add(DETAILS);
            case "L01" -> list.addAll(List.of(Attribute.of("PEOPLE_COUNT", "number", false), DETAILS));
            case "L03" -> list.addAll(List.of(Attribute.of("HAZARDS", "multivaluelist", true, "TRAFFIC", "INJURY", "FLOODING", "NOISE", "ODOR"), DETAILS));
            default -> {
                // local major classes added by administrators ask only the common questions
            }
        }
        return list;
    }

    /** GET services: every enabled category. */
    public List<GeoReportJson.Service> services(Locale locale) {
        Map<String, MajorClass> majors = new LinkedHashMap<>();
        catalog.majorClasses().forEach(m -> majors.put(m.code(), m));
        List<GeoReportJson.Service> list = new ArrayList<>();
        for (Category category : catalog.categories()) {
            if (category.enabled()) {
                list.add(service(category, majors.get(category.majorClass()), locale));
            }
        }
        return list;
    }

    private GeoReportJson.Service service(Category c, MajorClass major, Locale locale) {
        String group = major == null ? c.majorClass() : english(locale) ? major.nameEn() : major.name();
        return new GeoReportJson.Service(c.code(), name(c, locale), group + " — " + name(c, locale), !attributes(c).isEmpty(),
                "realtime", c.keywords().isEmpty() ? null : String.join(",", c.keywords()), group);
    }

    /** GET services/{code}: the service definition with its attributes. */
    public Optional<GeoReportJson.ServiceDefinition> definition(String code, Locale locale) {
        return service(code).map(c -> {
            List<GeoReportJson.ServiceAttribute> attributes = new ArrayList<>();
            int order = 1;
            for (Attribute a : attributes(c)) {
                List<GeoReportJson.AttributeValue> values = a.values().stream()
                        .map(key -> new GeoReportJson.AttributeValue(key, text("open311.attr." + a.code() + "." + key, locale)))
                        .toList();
                attributes.add(new GeoReportJson.ServiceAttribute(true, a.code(), a.datatype(), a.required(),
                        text("open311.attr." + a.code() + ".hint", locale), order++, text("open311.attr." + a.code(), locale), values));
            }
            return new GeoReportJson.ServiceDefinition(c.code(), attributes);
        });
    }

    /** A checked answer: the value(s) as sent, and how a dispatcher reads them. */
    public record Answer(String code, Object value, String label, String display) {
    }

    /**
     * Checks the attributes sent with a request against the service's: required ones present, numbers
     * numbers, date-times date-times, list keys among the values; an attribute the service does not
     * define is refused by name. Every problem is added to {@code errors}.
     */
    public List<Answer> check(Category category, Map<String, List<String>> sent, List<GeoReportError> errors, Locale locale) {
        List<Answer> answers = new ArrayList<>();
        java.util.Set<String> defined = new java.util.HashSet<>();
        attributes(category).forEach(a -> defined.add(a.code()));
        for (String code : sent.keySet()) {
            if (!defined.contains(code)) {
                errors.add(new GeoReportError(400, text("open311.error.attributeUnknown", locale, code, category.code())));
            }
        }
        for (Attribute a : attributes(category)) {
            List<String> values = sent.getOrDefault(a.code(), List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                if (a.required()) {
                    errors.add(new GeoReportError(400, text("open311.error.attributeRequired", locale, a.code())));
                }
                continue;
            }
            if (!a.datatype().equals("multivaluelist") && values.size() > 1) {
                errors.add(new GeoReportError(400, text("open311.error.attributeSingle", locale, a.code())));
                continue;
            }
            // the answer goes into the order's description, which dispatchers read in Chinese
            String label = text("open311.attr." + a.code(), DISPATCH);
            String value = values.getFirst();
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        BigDecimal number = new BigDecimal(value);
                        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                            throw new NumberFormatException();
                        }
                        answers.add(new Answer(a.code(), number, label, number.toPlainString()));
                    } catch (NumberFormatException e) {
                        errors.add(new GeoReportError(400, text("open311.error.attributeNumber", locale, a.code(), value)));
                    }
                }
                case "datetime" -> {
                    Optional<Instant> at = Dates.parse(value);
                    if (at.isEmpty()) {
                        errors.add(new GeoReportError(400, text("open311.error.attributeDatetime", locale, a.code(), value)));
                    } else {
                        answers.add(new Answer(a.code(), Dates.format(at.get()), label, Dates.format(at.get())));
                    }
                }
                case "string", "text" -> {
                    int max = a.datatype().equals("string") ? 200 : MAX_TEXT;
                    if (value.length() > max) {
                        errors.add(new GeoReportError(400, text("open311.error.attributeLength", locale, a.code(), max)));
                    } else {
                        answers.add(new Answer(a.code(), value, label, value));
                    }
                }
                case "singlevaluelist" -> {
                    String key = value.toUpperCase(Locale.ROOT);
                    if (!a.values().contains(key)) {
                        errors.add(new GeoReportError(400, text("open311.error.attributeValue", locale, a.code(), value, String.join(",", a.values()))));
                    } else {
                        answers.add(new Answer(a.code(), key, label, text("open311.attr." + a.code() + "." + key, DISPATCH)));
                    }
                }
                case "multivaluelist" -> {
                    List<String> keys = values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                            .filter(v -> !v.isEmpty()).map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
                    List<String> unknown = keys.stream().filter(k -> !a.values().contains(k)).toList();
                    if (!unknown.isEmpty()) {
                        errors.add(new GeoReportError(400, text("open311.error.attributeValue", locale, a.code(), String.join(",", unknown),
                                String.join(",", a.values()))));
                    } else {
                        answers.add(new Answer(a.code(), keys, label,
                                String.join("、", keys.stream().map(k -> text("open311.attr." + a.code() + "." + k, DISPATCH)).toList())));
                    }
                }
                default -> throw new IllegalStateException("unknown datatype " + a.datatype());
            }
        }
        return answers;
    }

    /** The urgency a request asked for, NORMAL when none. */
    public static Urgency urgency(List<Answer> answers) {
        return answers.stream().filter(a -> a.code().equals(URGENCY)).findFirst()
                .flatMap(a -> Urgency.parse(String.valueOf(a.value()))).orElse(Urgency.NORMAL);
    }

    public String name(Category c, Locale locale) {
        return english(locale) && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.name();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
