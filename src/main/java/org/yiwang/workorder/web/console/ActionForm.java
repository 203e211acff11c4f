package org.yiwang.workorder.web.console;

import org.yiwang.workorder.Action;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the order page asks for one action: which fields its form has and how prominent it is. The
 * rules themselves (who, in which state, what is required) stay with the work order; this only draws
 * the form.
 *
 * @param primary shown open, as the next step of the main line
 * @param danger  shown as a destructive action (void, return, rework)
 */
record ActionForm(Action action, boolean noteRequired, boolean category, boolean urgency, boolean until,
                  boolean photos, boolean master, boolean satisfaction, boolean primary, boolean danger, boolean dutyItem,
                  boolean pendingReturn, boolean ruling) {

    private static final Map<Action, ActionForm> FORMS = new EnumMap<>(Action.class);

    static {
        add(Action.REGISTER, false, F.CATEGORY, F.URGENCY, F.PRIMARY);
        add(Action.DISPATCH, false, F.PRIMARY);
        add(Action.ACCEPT, false, F.PRIMARY);
        add(Action.HANDLE, true, F.PHOTOS, F.PRIMARY);
        add(Action.REQUEST_VERIFICATION, false, F.PRIMARY);
        add(Action.APPROVE, false, F.PHOTOS, F.PRIMARY);
        add(Action.CLOSE, false, F.PRIMARY);
        add(Action.CLOSE_ON_SPOT, true, F.PHOTOS);
        add(Action.EVALUATE, false, F.SATISFACTION);
        add(Action.VOID, true, F.DANGER);
        add(Action.MERGE, false, F.MASTER, F.DANGER);
        add(Action.RETURN, true, F.DUTY, F.DANGER);
        add(Action.ASSIST_REPORT, true, F.PHOTOS, F.PRIMARY);
        add(Action.ASSIST_RETURN, true, F.DUTY, F.DANGER);
        add(Action.CONTEST, true, F.DUTY, F.DANGER);
        add(Action.ACCEPT_RETURN, false, F.PENDING);
        add(Action.REJECT_RETURN, true, F.PENDING);
        add(Action.RULE, true, F.RULING, F.PRIMARY);
        add(Action.REWORK, true, F.PHOTOS, F.DANGER);
        add(Action.REQUEST_EXTENSION, true, F.UNTIL);
        add(Action.APPROVE_EXTENSION, false, F.PRIMARY);
        add(Action.REJECT_EXTENSION, true);
        add(Action.SUSPEND, true);
        add(Action.RESUME, false);
        add(Action.SUPERVISE, false);
        add(Action.REOPEN, true);
    }

    private enum F { CATEGORY, URGENCY, UNTIL, PHOTOS, MASTER, SATISFACTION, PRIMARY, DANGER, DUTY, PENDING, RULING }

    private static void add(Action action, boolean noteRequired, F... flags) {
        List<F> f = List.of(flags);
        FORMS.put(action, new ActionForm(action, noteRequired, f.contains(F.CATEGORY), f.contains(F.URGENCY),
                f.contains(F.UNTIL), f.contains(F.PHOTOS), f.contains(F.MASTER), f.contains(F.SATISFACTION),
                f.contains(F.PRIMARY), f.contains(F.DANGER), f.contains(F.DUTY), f.contains(F.PENDING), f.contains(F.RULING)));
    }

    static ActionForm of(Action action) {
        return FORMS.get(action);
    }

    /** The forms for these actions, main-line steps first. */
    static List<ActionForm> forms(List<Action> actions) {
        return actions.stream().map(FORMS::get).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing((ActionForm f) -> !f.primary()).thenComparing(ActionForm::danger))
                .toList();
    }

    public String segment() {
        return action.pathSegment();
    }

    public String name() {
        return action.name();
    }

    /** Whether the browser must send the form as multipart (photos attached). */
    public boolean multipart() {
        return photos;
    }
}
