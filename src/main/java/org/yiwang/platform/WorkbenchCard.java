package org.yiwang.platform;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * One figure on the signed-in user's home page (工作台), e.g. "待签收 3", contributed by the module that owns
 * it; clicking it opens the screen where the user acts on it.
 *
 * @param labelKey message key of the label (in the module's own bundle)
 * @param figure what is counted, already formatted ("3", "2 小时 10 分 / 3 小时" is the module's choice)
 * @param href the screen to act on it, or null
 * @param tone how urgent it looks
 * @param order position among all cards, lower first
 */
public record WorkbenchCard(String labelKey, String figure, @Nullable String href, Tone tone, int order) {

    public enum Tone { NORMAL, GOOD, WARN, ALERT }

    public WorkbenchCard {
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(figure, "figure");
        tone = tone == null ? Tone.NORMAL : tone;
    }

    /** A count that turns {@code whenPositive} when above zero. */
    public static WorkbenchCard count(String labelKey, long count, @Nullable String href, Tone whenPositive, int order) {
        return new WorkbenchCard(labelKey, Long.toString(count), href, count > 0 ? whenPositive : Tone.NORMAL, order);
    }

    /** Implemented by a module that puts figures on its users' 工作台; a contributor that fails is left out, never the page. */
    public interface Source {
        List<WorkbenchCard> cardsFor(Actor actor);
    }
}
