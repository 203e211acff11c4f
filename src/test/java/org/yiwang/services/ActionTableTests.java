package org.yiwang.services;

import org.junit.jupiter.api.Test;
import org.yiwang.platform.LocalizedException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.services.Action.*;
import static org.yiwang.services.ApplicationStatus.*;

/** Every action in every state: where it leads, or the 409 that names the state. */
class ActionTableTests {

    /** The table as the issue states it, written out independently of {@link Action}. */
    static final Map<Action, Map<ApplicationStatus, ApplicationStatus>> EXPECTED = new EnumMap<>(Action.class);

    static {
        EXPECTED.put(ACCEPT, Map.of(SUBMITTED, ACCEPTED));
        EXPECTED.put(REJECT, Map.of(SUBMITTED, REJECTED));
        EXPECTED.put(REQUEST_SUPPLEMENT, Map.of(SUBMITTED, SUPPLEMENT, ACCEPTED, SUPPLEMENT));
        EXPECTED.put(SUPPLY, Map.of(SUPPLEMENT, SUBMITTED));
        EXPECTED.put(FORWARD, Map.of(ACCEPTED, FORWARDED));
        EXPECTED.put(SEND_BACK, Map.of(FORWARDED, ACCEPTED));
        EXPECTED.put(APPROVE, Map.of(ACCEPTED, APPROVED, FORWARDED, APPROVED));
        EXPECTED.put(DENY, Map.of(ACCEPTED, DENIED, FORWARDED, DENIED));
        EXPECTED.put(COMPLETE, Map.of(APPROVED, DONE));
        EXPECTED.put(DELIVER, Map.of(DONE, DELIVERED));
        EXPECTED.put(RATE, Map.of(DONE, DONE, DELIVERED, DELIVERED, REJECTED, REJECTED, DENIED, DENIED));
    }

    @Test
    void everyActionInEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Action.values());
        for (Action action : Action.values()) {
            for (ApplicationStatus status : ApplicationStatus.values()) {
                ApplicationStatus expected = EXPECTED.get(action).get(status);
                if (expected != null) {
                    assertThat(action.next(status)).as(action + " in " + status).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> action.next(status)).as(action + " in " + status)
                            .isInstanceOfSatisfying(LocalizedException.class, e -> {
                                assertThat(e.status().value()).isEqualTo(409);
                                assertThat(e.args()).contains(status.name());
                            });
                }
            }
        }
    }

    @Test
    void aBundleParentTakesNoActionOfItsOwn() {
        for (Action action : Action.values()) {
            assertThat(action.allowedIn(IN_PROGRESS)).as(action.name()).isFalse();
        }
    }

    @Test
    void endedStatesAreExactlyThoseNoHandlingActionLeavesAgain() {
        Set<Action> handling = Set.of(ACCEPT, REJECT, REQUEST_SUPPLEMENT, SUPPLY, FORWARD, SEND_BACK, APPROVE, DENY, COMPLETE);
        for (ApplicationStatus ended : ApplicationStatus.ENDED) {
            for (Action action : handling) {
                assertThat(action.allowedIn(ended)).as(action + " in " + ended).isFalse();
            }
        }
    }
}
