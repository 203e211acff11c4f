package org.yiwang.sorter;

import java.time.Instant;

/**
 * A likely duplicate (疑似重复): a newer order and an older open one nearby with similar text.
 *
 * @param order          the newer order, the one that would be merged
 * @param candidate      the older order, the master it would follow
 * @param score          0..1: text similarity, nearness and category together
 * @param textSimilarity cosine of the texts' character bigrams, 0..1
 * @param distanceMeters how far apart the two reports were made
 * @param sameCategory   both have the same (filed or suggested) category, not only the same major class
 */
public record DuplicateCandidate(long id, OrderRef order, OrderRef candidate, double score, double textSimilarity,
                                 double distanceMeters, boolean sameCategory, DuplicateStatus status, Instant foundAt,
                                 Instant decidedAt, Long decidedBy, String note) {
}
