package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * One colouring rule of a campaign, as data: the record is {@link #colour} when its {@link #field} names one of the
 * {@link #terms} — and, with {@link #withinDays}, when it arrived no longer ago than that. A campaign's rules are
 * tried in position order; the first that holds gives the colour and its {@link #label} the reason.
 */
public record CampaignRule(int position, Colour colour, Field field, List<String> terms, @Nullable Integer withinDays, String label) {

    /** What a rule looks at. */
    public enum Field { ORIGIN, ROUTE, SYMPTOM, HAZARD }

    public CampaignRule {
        terms = List.copyOf(terms);
    }

    public boolean holds(RecordFacts facts, LocalDate today) {
        String value = switch (field) {
            case ORIGIN -> facts.origin();
            case ROUTE -> facts.route();
            case SYMPTOM -> facts.symptom();
            case HAZARD -> facts.hazard();
        };
        if (value == null || value.isBlank() || terms.stream().noneMatch(value::contains)) {
            return false;
        }
        if (withinDays != null) {
            return facts.arrivedOn() != null && !facts.arrivedOn().isBefore(today.minusDays(withinDays));
        }
        return true;
    }

    /** The facts of a record the rules read. */
    public record RecordFacts(@Nullable String origin, @Nullable String route, @Nullable LocalDate arrivedOn, @Nullable String symptom,
                              @Nullable String hazard) {
    }

    /** The colour of a record under {@code rules}, with the label of the rule that gave it (null for green). */
    public record Verdict(Colour colour, @Nullable String reason) {
    }

    public static Verdict colour(List<CampaignRule> rules, RecordFacts facts, LocalDate today) {
        return rules.stream().sorted(java.util.Comparator.comparingInt(CampaignRule::position))
                .filter(r -> r.holds(facts, today)).findFirst()
                .map(r -> new Verdict(r.colour(), r.label()))
                .orElse(new Verdict(Colour.GREEN, null));
    }
}
