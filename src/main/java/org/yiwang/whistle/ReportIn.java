package org.yiwang.whistle;

import org.yiwang.platform.LocalizedException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 报到 — the command: a summoned department answers the whistle, either reporting in (arrived, here
 * is what we did) or declaring the matter not its duty, with a note and optional photo ids.
 *
 * @param departmentId which department answers; may be left out when the user belongs to exactly one
 *                     of the summoned departments
 * @param response     {@link Summons.State#ARRIVED} or {@link Summons.State#NOT_OUR_DUTY}
 */
public record ReportIn(Long departmentId, Summons.State response, String note, List<String> photoIds) {

    public ReportIn {
        if (response == null) {
            response = Summons.State.ARRIVED;
        }
        if (!response.isAnswer()) {
            throw LocalizedException.badRequest("whistle.error.responseUnknown", response.name());
        }
        note = Input.requiredText(note, "note");
        photoIds = Input.photoIds(photoIds);
    }

    public static ReportIn of(Long departmentId, String response, String note, List<String> photoIds) {
        Summons.State parsed = null;
        if (response != null && !response.isBlank()) {
            String name = response.strip().toUpperCase(Locale.ROOT);
            parsed = Arrays.stream(Summons.State.values()).filter(s -> s.isAnswer() && s.name().equals(name))
                    .findFirst().orElseThrow(() -> LocalizedException.badRequest("whistle.error.responseUnknown", response));
        }
        return new ReportIn(departmentId, parsed, note, photoIds);
    }
}
