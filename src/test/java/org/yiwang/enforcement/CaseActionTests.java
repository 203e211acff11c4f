package org.yiwang.enforcement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.enforcement.Stage.*;

/** Every action in every stage: the stage it leads to, or a 409 that names the action and the stage. */
class CaseActionTests {

    /** The expected table, written out independently of {@link CaseAction}: action → (stage it is allowed in → next stage). */
    static final Map<CaseAction, Map<Stage, Stage>> EXPECTED = Map.ofEntries(
            entry(CaseAction.SUMMON, Map.of(FILED, FILED, INVESTIGATING, INVESTIGATING)),
            entry(CaseAction.ARRIVE, Map.of(FILED, FILED, INVESTIGATING, INVESTIGATING)),
            entry(CaseAction.INVESTIGATE, Map.of(FILED, INVESTIGATING)),
            entry(CaseAction.INSPECT, Map.of(INVESTIGATING, INVESTIGATING)),
            entry(CaseAction.NOTIFY, Map.of(INVESTIGATING, INFORMED)),
            entry(CaseAction.DECIDE, Map.of(INFORMED, DECIDED)),
            entry(CaseAction.EXECUTE, Map.of(DECIDED, EXECUTING)),
            entry(CaseAction.SCHEDULE_REINSPECTION, Map.of(DECIDED, DECIDED, EXECUTING, EXECUTING)),
            entry(CaseAction.REINSPECT, Map.of(EXECUTING, EXECUTING)),
            entry(CaseAction.CLOSE, Map.of(EXECUTING, CLOSED)),
            entry(CaseAction.TRANSFER, Map.of(FILED, TRANSFERRED, INVESTIGATING, TRANSFERRED, INFORMED, TRANSFERRED)));

    static Stream<Arguments> everyActionInEveryStage() {
        List<Arguments> all = new ArrayList<>();
        for (CaseAction action : CaseAction.values()) {
            for (Stage stage : Stage.values()) {
                all.add(Arguments.of(action, stage));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryStage")
    void actionLeadsToItsStageOrIsRefusedNamingTheStage(CaseAction action, Stage stage) {
        Stage expected = EXPECTED.get(action).get(stage);
        if (expected != null) {
            assertThat(action.apply(stage)).isEqualTo(expected);
            assertThat(CaseAction.allowed(stage)).contains(action);
        } else {
            assertThatThrownBy(() -> action.apply(stage)).isInstanceOfSatisfying(CaseStateException.class, e -> {
                assertThat(e.status().value()).isEqualTo(409);
                assertThat(e.args()).containsExactly(action.name(), stage.name());
            });
            assertThat(CaseAction.allowed(stage)).doesNotContain(action);
        }
    }

    @ParameterizedTest
    @MethodSource("endedStages")
    void anEndedCaseAllowsNothing(Stage stage) {
        assertThat(stage.open()).isFalse();
        assertThat(CaseAction.allowed(stage)).isEmpty();
    }

    static Stream<Stage> endedStages() {
        return Stream.of(CLOSED, TRANSFERRED);
    }
}
