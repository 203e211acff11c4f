package org.yiwang.whistle;

import org.yiwang.platform.LocalizedException;

/** The command: the street records how the whistle ended, which closes it. */
public record RecordOutcome(Outcome outcome, String note) {

    public RecordOutcome {
        if (outcome == null) {
            throw LocalizedException.badRequest("whistle.error.outcomeRequired");
        }
        note = Input.requiredText(note, "note");
    }

    public static RecordOutcome of(String outcome, String note) {
        Outcome parsed = null;
        if (outcome != null && !outcome.isBlank()) {
            parsed = Outcome.parse(outcome).orElseThrow(() -> LocalizedException.badRequest("whistle.error.outcomeUnknown", outcome));
        }
        return new RecordOutcome(parsed, note);
    }
}
