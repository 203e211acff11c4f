package org.yiwang.cogov;

import org.junit.jupiter.api.Test;
import org.yiwang.cogov.council.Tally;
import org.yiwang.cogov.council.TopicAction;
import org.yiwang.cogov.council.TopicStatus;
import org.yiwang.platform.LocalizedException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.cogov.council.TopicStatus.ADOPTED;
import static org.yiwang.cogov.council.TopicStatus.DECLINED;
import static org.yiwang.cogov.council.TopicStatus.DISCUSSING;
import static org.yiwang.cogov.council.TopicStatus.PROPOSED;
import static org.yiwang.cogov.council.TopicStatus.REJECTED;
import static org.yiwang.cogov.council.TopicStatus.VOTING;

/** Every topic action in every state, and the majority rule of a vote. */
class TopicRulesTests {

    static final Map<TopicAction, Map<TopicStatus, TopicStatus>> TABLE = new EnumMap<>(TopicAction.class);

    static {
        TABLE.put(TopicAction.OPEN_DISCUSSION, Map.of(PROPOSED, DISCUSSING));
        TABLE.put(TopicAction.DECLINE, Map.of(PROPOSED, DECLINED));
        TABLE.put(TopicAction.COMMENT, Map.of(PROPOSED, PROPOSED, DISCUSSING, DISCUSSING));
        TABLE.put(TopicAction.OPEN_VOTE, Map.of(DISCUSSING, VOTING));
        TABLE.put(TopicAction.VOTE, Map.of(VOTING, VOTING));
        TABLE.put(TopicAction.CLOSE_VOTE, Map.of(VOTING, VOTING));
        TABLE.put(TopicAction.RESOLVE, Map.of(ADOPTED, ADOPTED));
        TABLE.put(TopicAction.TO_ORDER, Map.of(ADOPTED, ADOPTED));
        TABLE.put(TopicAction.FINISH, Map.of(ADOPTED, ADOPTED));
        TABLE.put(TopicAction.RECORD_MINUTES, Map.of(DISCUSSING, DISCUSSING, VOTING, VOTING, ADOPTED, ADOPTED, REJECTED, REJECTED));
    }

    @Test
    void everyTopicActionInEveryStateLeadsWhereTheTableSaysOrIsRefusedNamingTheState() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(TopicAction.values());
        for (TopicAction action : TopicAction.values()) {
            for (TopicStatus status : TopicStatus.values()) {
                TopicStatus expected = TABLE.get(action).get(status);
                if (expected != null) {
                    assertThat(action.from(status)).as("%s in %s", action, status).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> action.from(status)).as("%s in %s", action, status)
                            .isInstanceOfSatisfying(LocalizedException.class, e -> {
                                assertThat(e.status().value()).isEqualTo(409);
                                assertThat(e.args()).containsExactly(action.name(), status.name());
                            });
                }
            }
        }
        assertThat(TopicAction.allowedActions(DECLINED)).isEmpty();
        assertThat(TopicAction.allowedActions(VOTING)).isEqualTo(Set.of(TopicAction.VOTE, TopicAction.CLOSE_VOTE, TopicAction.RECORD_MINUTES));
    }

    @Test
    void aTopicIsAdoptedOnlyWithMoreThanHalfOfAllMembersFor() {
        assertThat(new Tally(2, 1, 0, 3).outcome()).isEqualTo(ADOPTED);
        assertThat(new Tally(2, 0, 0, 4).outcome()).isEqualTo(REJECTED); // half is not more than half
        assertThat(new Tally(3, 0, 1, 5).outcome()).isEqualTo(ADOPTED);
        assertThat(new Tally(1, 0, 2, 3).outcome()).isEqualTo(REJECTED); // abstentions do not count for
        assertThat(new Tally(0, 0, 0, 3).outcome()).isEqualTo(REJECTED);
        assertThatThrownBy(() -> new Tally(3, 1, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
