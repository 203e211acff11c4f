package org.yiwang.cogov;

import org.junit.jupiter.api.Test;
import org.yiwang.cogov.mediation.MediationAction;
import org.yiwang.cogov.mediation.MediationStatus;
import org.yiwang.platform.LocalizedException;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.cogov.mediation.MediationStatus.ACCEPTED;
import static org.yiwang.cogov.mediation.MediationStatus.AGREED;
import static org.yiwang.cogov.mediation.MediationStatus.CLOSED;
import static org.yiwang.cogov.mediation.MediationStatus.MEDIATING;
import static org.yiwang.cogov.mediation.MediationStatus.REFERRED;
import static org.yiwang.cogov.mediation.MediationStatus.WITHDRAWN;

/** Every mediation action in every state: where it leads, or the 409 that names the state. */
class MediationActionTests {

    /** The expected table, written out by hand: action → (state → next state); a missing state is refused. */
    static final Map<MediationAction, Map<MediationStatus, MediationStatus>> TABLE = new EnumMap<>(MediationAction.class);

    static {
        TABLE.put(MediationAction.ASSIGN, Map.of(ACCEPTED, ACCEPTED, MEDIATING, MEDIATING));
        TABLE.put(MediationAction.ADD_PARTY, Map.of(ACCEPTED, ACCEPTED, MEDIATING, MEDIATING));
        TABLE.put(MediationAction.RECORD_SESSION, Map.of(ACCEPTED, MEDIATING, MEDIATING, MEDIATING));
        TABLE.put(MediationAction.ASSESS_RISK, Map.of(ACCEPTED, ACCEPTED, MEDIATING, MEDIATING, AGREED, AGREED));
        TABLE.put(MediationAction.AGREE, Map.of(MEDIATING, AGREED));
        TABLE.put(MediationAction.REFER, Map.of(MEDIATING, REFERRED));
        TABLE.put(MediationAction.WITHDRAW, Map.of(ACCEPTED, WITHDRAWN, MEDIATING, WITHDRAWN));
        TABLE.put(MediationAction.SCHEDULE_VISIT, Map.of(AGREED, AGREED));
        TABLE.put(MediationAction.RECORD_VISIT, Map.of(AGREED, AGREED));
        TABLE.put(MediationAction.CLOSE, Map.of(AGREED, CLOSED));
    }

    @Test
    void everyActionInEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(MediationAction.values());
        int checked = 0;
        for (MediationAction action : MediationAction.values()) {
            for (MediationStatus status : MediationStatus.values()) {
                MediationStatus expected = TABLE.get(action).get(status);
                if (expected != null) {
                    assertThat(action.from(status)).as("%s in %s", action, status).isEqualTo(expected);
                    assertThat(action.allowedIn(status)).isTrue();
                } else {
                    assertThat(action.allowedIn(status)).as("%s in %s", action, status).isFalse();
                    assertThatThrownBy(() -> action.from(status))
                            .isInstanceOfSatisfying(LocalizedException.class, e -> {
                                assertThat(e.status().value()).isEqualTo(409);
                                assertThat(e.messageKey()).isEqualTo("cogov.mediation.error.illegal");
                                assertThat(e.args()).containsExactly(action.name(), status.name());
                            });
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(MediationAction.values().length * MediationStatus.values().length);
    }

    @Test
    void anEndedCaseAllowsNothing() {
        for (MediationStatus ended : MediationStatus.ENDED) {
            for (MediationAction action : MediationAction.values()) {
                assertThat(action.allowedIn(ended)).as("%s in %s", action, ended).isFalse();
            }
        }
        assertThat(MediationStatus.ENDED).containsExactlyInAnyOrder(REFERRED, WITHDRAWN, CLOSED);
    }
}
