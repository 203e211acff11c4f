package org.yiwang.cogov.council;

/**
 * The votes on a topic. 过半数通过: a topic is adopted when more than half of the council's members voted for it
 * (abstentions and members who did not vote count as not for).
 */
public record Tally(int forVotes, int against, int abstain, int members) {

    public Tally {
        if (forVotes < 0 || against < 0 || abstain < 0 || forVotes + against + abstain > members) {
            throw new IllegalArgumentException("votes must be between 0 and the number of members");
        }
    }

    public boolean adopted() {
        return forVotes * 2 > members;
    }

    public TopicStatus outcome() {
        return adopted() ? TopicStatus.ADOPTED : TopicStatus.REJECTED;
    }
}
