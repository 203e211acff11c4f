package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.MessageKey;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.yiwang.services.ApplicationStatus.*;

/**
 * The verbs on an application and the states where each is allowed — the one state table: an action in another
 * state is refused naming that state (409).
 */
public enum Action {
    /** 受理 */
    ACCEPT(EnumSet.of(SUBMITTED), ACCEPTED, Who.CLERK),
    /** 不予受理, with a reason */
    REJECT(EnumSet.of(SUBMITTED), REJECTED, Who.CLERK),
    /** 一次性告知补正, with the list of missing materials: the clock stops */
    REQUEST_SUPPLEMENT(EnumSet.of(SUBMITTED, ACCEPTED), SUPPLEMENT, Who.CLERK),
    /** the applicant supplies the missing materials: the clock runs again and the window looks at it anew */
    SUPPLY(EnumSet.of(SUPPLEMENT), SUBMITTED, Who.APPLICANT),
    /** 转报: the window's 初审 opinion, and the application goes to the item's competent department (部门审批 items only) */
    FORWARD(EnumSet.of(ACCEPTED), FORWARDED, Who.CLERK),
    /** 退回初审: the department sends a forwarded application back to the window, with a reason */
    SEND_BACK(EnumSet.of(FORWARDED), ACCEPTED, Who.APPROVER),
    /** 审批通过, by the level the item and 街社同权 allow, or by the competent department once forwarded */
    APPROVE(EnumSet.of(ACCEPTED, FORWARDED), APPROVED, Who.APPROVER),
    /** 不予批准, with a reason */
    DENY(EnumSet.of(ACCEPTED, FORWARDED), DENIED, Who.APPROVER),
    /** 办结, with the result (certificate number or document) */
    COMPLETE(EnumSet.of(APPROVED), DONE, Who.CLERK),
    /** 送达: handed over at the window or posted */
    DELIVER(EnumSet.of(DONE), DELIVERED, Who.CLERK),
    /** 好差评 — five levels, once; the state stays */
    RATE(EnumSet.of(DONE, DELIVERED, REJECTED, DENIED), null, Who.APPLICANT);

    /** Who may take the action (the territory is checked besides). */
    public enum Who { CLERK, APPROVER, APPLICANT }

    private final Set<ApplicationStatus> from;
    private final @Nullable ApplicationStatus to;
    private final Who who;

    Action(Set<ApplicationStatus> from, @Nullable ApplicationStatus to, Who who) {
        this.from = from;
        this.to = to;
        this.who = who;
    }

    public boolean allowedIn(ApplicationStatus status) {
        return from.contains(status);
    }

    /** The state after the action in {@code status}; refused (409, naming the state) where the table does not allow it. */
    public ApplicationStatus next(ApplicationStatus status) {
        if (!allowedIn(status)) {
            throw LocalizedException.conflict("services.error.illegalAction", new MessageKey("services.action." + name()),
                    new MessageKey("services.status." + status.name()), status.name());
        }
        return to == null ? status : to;
    }

    public Who who() {
        return who;
    }

    public static Action parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("services.error.field", "action");
        }
    }
}
