package org.yiwang.workorder.web.mobile;

import org.yiwang.workorder.Action;

import java.util.List;

/**
 * One order as the mobile pages show it: plain words, local times, names instead of codes, and
 * the photos before and after handling.
 *
 * @param place street · community · grid
 * @param due the running stage's due time, null when none runs
 * @param dueLabelKey what the due time is for (处理时限, 核实时限 …)
 * @param light GREEN, YELLOW, RED or NONE
 * @param afterPhotos the handler's (or the grid worker's) photos of the result
 */
public record OrderView(long id, int version, String number, String status, String statusText, String description, String address,
                 String category, String place, String gridCode, double lat, double lon, String created, String due,
                 String dueLabelKey, String light, String satisfaction, String handledNote, List<String> beforePhotos,
                 List<String> afterPhotos, List<Step> steps, List<Action> allowedActions) {

    public OrderView {
        beforePhotos = List.copyOf(beforePhotos);
        afterPhotos = List.copyOf(afterPhotos);
        steps = List.copyOf(steps);
        allowedActions = List.copyOf(allowedActions);
    }

    public boolean may(String action) {
        return allowedActions.contains(Action.valueOf(action));
    }

    /** The timeline as the page shows it: what happened last comes first. */
    public List<Step> newestFirst() {
        return steps.reversed();
    }

    /** One step of the timeline in plain words. */
    public record Step(String action, String text, String time, String note, List<String> photos) {

        public Step {
            photos = List.copyOf(photos);
        }
    }
}
