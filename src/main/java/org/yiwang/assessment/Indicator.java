package org.yiwang.assessment;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.ToLongFunction;

/**
 * The assessment indicators (考核指标) and their formulas, all counted per order over the orders
 * reported in the month (see {@link Flag}; "h" = 12345 orders only). A rate is null when its
 * denominator is 0 (an empty period has no rates, not zeros).
 * <ul>
 * <li>立案率 = registered ÷ (reported − merged); a duplicate merged into another order counts in neither</li>
 * <li>派遣准确率 = (dispatched − returned) ÷ dispatched</li>
 * <li>按期处置率 = handled on time ÷ handled</li>
 * <li>按期结案率 = closed on time ÷ active (应结案: filed, not voided)</li>
 * <li>返工率 = reworked ÷ handled (lower is better)</li>
 * <li>延期率 = extended ÷ dispatched (lower is better)</li>
 * <li>满意率 = satisfied ÷ evaluated</li>
 * <li>12345 响应率 = responded(h) ÷ active(h); 解决率 = closed(h) ÷ active(h); 满意率 = satisfied(h) ÷ evaluated(h)</li>
 * <li>吹哨报到率, 入户走访覆盖率, 巡查达标率 come from the whistle and field-work modules (see {@link Assessments})</li>
 * <li>政务服务好评率 = applications rated 4 or 5 ÷ applications rated, by the 好差评 given in the month, for streets and
 * communities, from the services module</li>
 * </ul>
 */
public enum Indicator {
    FILING(true, false, "registered = 1", "merged = 0", s -> s.get(Flag.REGISTERED), s -> s.reported() - s.get(Flag.MERGED)),
    DISPATCH_ACCURACY(true, false, "dispatched = 1 AND returned = 0", "dispatched = 1", s -> s.get(Flag.DISPATCHED) - s.get(Flag.RETURNED), s -> s.get(Flag.DISPATCHED)),
    HANDLED_ON_TIME(true, false, "handled_on_time = 1", "handled = 1", s -> s.get(Flag.HANDLED_ON_TIME), s -> s.get(Flag.HANDLED)),
    CLOSED_ON_TIME(true, false, "closed_on_time = 1", "active = 1", s -> s.get(Flag.CLOSED_ON_TIME), s -> s.get(Flag.ACTIVE)),
    REWORK(false, false, "reworked = 1", "handled = 1", s -> s.get(Flag.REWORKED), s -> s.get(Flag.HANDLED)),
    EXTENSION(false, false, "extended = 1", "dispatched = 1", s -> s.get(Flag.EXTENDED), s -> s.get(Flag.DISPATCHED)),
    SATISFACTION(true, false, "satisfied = 1", "evaluated = 1", s -> s.get(Flag.SATISFIED), s -> s.get(Flag.EVALUATED)),
    HOTLINE_RESPONSE(true, true, "responded = 1", "active = 1", s -> s.get(Flag.RESPONDED), s -> s.get(Flag.ACTIVE)),
    HOTLINE_RESOLUTION(true, true, "closed = 1", "active = 1", s -> s.get(Flag.CLOSED), s -> s.get(Flag.ACTIVE)),
    HOTLINE_SATISFACTION(true, true, "satisfied = 1", "evaluated = 1", s -> s.get(Flag.SATISFIED), s -> s.get(Flag.EVALUATED)),
    /** 吹哨报到率: reported ÷ summoned and due (departments), from the whistle module. */
    WHISTLE_REPORT_IN(true, false, null, null, null, null),
    /** 入户走访覆盖率: households covered ÷ due in the current round, from the field-work module. */
    VISIT_COVERAGE(true, false, null, null, null, null),
    /** 巡查达标率: days with ≥ 3 h of patrol in the grid ÷ days, from the field-work module. */
    PATROL(true, false, null, null, null, null),
    /**
     * 政务服务好评率 (好差评): 一网通办 applications of the unit's communities rated 4 or 5 (好评: 满意, 非常满意) ÷ those
     * rated 1 to 5, counting the ratings given in the month (Beijing time); an unrated application counts in neither,
     * and a unit with no rating in the month has no figure. Streets and communities only, from the services module.
     */
    SERVICE_RATING(true, false, null, null, null, null);

    /** Whether a higher rate is better; for the others the score counts 1 − rate. */
    public final boolean higherIsBetter;
    /** Whether only 12345 orders count. */
    final boolean hotlineOnly;
    /** The orders of the numerator and of the denominator, as conditions on {@code assessment_order_fact} (drill-down). */
    final @Nullable String numeratorSql;
    final @Nullable String denominatorSql;
    private final @Nullable ToLongFunction<Sums> numerator;
    private final @Nullable ToLongFunction<Sums> denominator;

    Indicator(boolean higherIsBetter, boolean hotlineOnly, @Nullable String numeratorSql, @Nullable String denominatorSql,
              @Nullable ToLongFunction<Sums> numerator, @Nullable ToLongFunction<Sums> denominator) {
        this.higherIsBetter = higherIsBetter;
        this.hotlineOnly = hotlineOnly;
        this.numeratorSql = numeratorSql == null ? null : hotlineOnly ? numeratorSql + " AND hotline" : numeratorSql;
        this.denominatorSql = denominatorSql == null ? null : hotlineOnly ? denominatorSql + " AND hotline" : denominatorSql;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** Whether the figure comes from the orders (else from another module). */
    public boolean fromOrders() {
        return numerator != null;
    }

    /** The figure of a unit's sums. */
    Figure of(Sums all, Sums hotline) {
        Sums s = hotlineOnly ? hotline : all;
        if (numerator == null || denominator == null) {
            return Figure.NONE;
        }
        return Figure.of(numerator.applyAsLong(s), denominator.applyAsLong(s));
    }

    public String messageKey() {
        return "assessment.indicator." + name();
    }

    /** A rate with what it was made of; {@code rate} null when the denominator is 0. */
    public record Figure(long numerator, long denominator, @Nullable Double rate) {

        static final Figure NONE = new Figure(0, 0, null);

        static Figure of(long numerator, long denominator) {
            if (denominator == 0) {
                return new Figure(numerator, denominator, null);
            }
            if (numerator >= 0 && denominator > 0 && numerator < Long.MAX_VALUE / 20_000 && denominator < Long.MAX_VALUE / 4) {
                // the rate rounded half up to 4 decimals in integers (the same as BigDecimal's HALF_UP, a tenth of its
                // cost: a city's grid table computes some 150,000 of these)
                long tenThousandths = (numerator * 20_000 + denominator) / (2 * denominator);
                return new Figure(numerator, denominator, tenThousandths / 10_000.0);
            }
            return new Figure(numerator, denominator,
                    BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP).doubleValue());
        }

        /** In per cent with one decimal, or "—". */
        public String percent() {
            return rate == null ? "—" : BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }
}
