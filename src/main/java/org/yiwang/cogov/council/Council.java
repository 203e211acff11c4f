package org.yiwang.cogov.council;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 议事会 — a community's council, as read. */
public record Council(long id, String communityCode, String name, int members) {

    /** A member: a user with a title. */
    public record CouncilMember(long userId, String name, String title) {
    }

    /** The council with its members and topics, and whether the reader may run it. */
    public record CouncilDetail(Council council, List<CouncilMember> members, List<CouncilTopic> topics, boolean manages, boolean member) {
    }

    /** A topic (议题). */
    public record CouncilTopic(long id, long councilId, String councilName, String title, String body, String proposerName, boolean byMember,
                        TopicStatus status, @Nullable Integer votesFor, @Nullable Integer votesAgainst,
                        @Nullable Integer votesAbstain, @Nullable String minutes, Instant createdAt) {
    }

    public record TopicComment(long id, String name, String body, Instant at) {
    }

    public record CouncilResolution(long id, String text, String owner, LocalDate due, @Nullable Long orderId, @Nullable String orderNumber,
                             @Nullable Instant doneAt, boolean overdue) {
    }

    /**
     * A topic with its discussion, the votes cast so far (count only while voting), the reader's own vote, resolutions and
     * what the reader may do.
     */
    public record TopicDetail(CouncilTopic topic, List<TopicComment> comments, int votesCast, int members, @Nullable VoteChoice myVote,
                              List<CouncilResolution> resolutions, Set<TopicAction> allowedActions) {
    }
}
