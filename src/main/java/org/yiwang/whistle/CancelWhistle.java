package org.yiwang.whistle;

/** The command: the street withdraws its whistle, saying why; departments still expected are released. */
public record CancelWhistle(String reason) {

    public CancelWhistle {
        reason = Input.requiredText(reason, "reason");
    }
}
