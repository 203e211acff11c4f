package org.yiwang.hotline;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A knowledge-base article (知识库条目): a frequent question and the answer agents read out, its category, tags,
 * the day it is valid until (policies change), who owns it, and how many calls were answered from it.
 */
public record Article(long id, String question, String answer, String category, List<String> tags,
                      @Nullable LocalDate validUntil, String owner, long answeredCount, boolean archived,
                      Instant updatedAt, int version) {

    /** Whether agents may answer from it on {@code day}: not archived and not past its valid-until day. */
    public boolean usableOn(LocalDate day) {
        return !archived && (validUntil == null || !validUntil.isBefore(day));
    }
}
