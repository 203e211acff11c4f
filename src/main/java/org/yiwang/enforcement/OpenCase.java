package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

/**
 * 立案 — open a case from a work order, from a patrol finding (the grid worker's own) or directly at a grid.
 *
 * @param requestKey the client's id of this request: the same key twice opens one case
 */
public record OpenCase(EnforcementCase.Source source, @Nullable Long orderId, @Nullable Long patrolId, @Nullable Long findingId,
                       @Nullable String gridCode, String scenarioCode, @Nullable String title, @Nullable String address,
                       @Nullable String requestKey) {

    public OpenCase {
        if (source == null) {
            throw LocalizedException.badRequest("enforcement.error.required", "source");
        }
        scenarioCode = Texts.required(scenarioCode, "scenario", 40);
        switch (source) {
            case ORDER -> {
                if (orderId == null || orderId <= 0) {
                    throw LocalizedException.badRequest("enforcement.error.required", "orderId");
                }
            }
            case FINDING -> {
                if (patrolId == null || findingId == null) {
                    throw LocalizedException.badRequest("enforcement.error.required", patrolId == null ? "patrolId" : "findingId");
                }
            }
            case DIRECT -> {
                gridCode = Texts.required(gridCode, "gridCode", 15);
                title = Texts.required(title, "title", 200);
                address = Texts.required(address, "address", 200);
            }
        }
        title = Texts.optionalOrNull(title, "title", 200);
        address = Texts.optionalOrNull(address, "address", 200);
        requestKey = Texts.optionalOrNull(requestKey, "requestKey", 100);
    }
}
