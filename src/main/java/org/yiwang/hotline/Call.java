package org.yiwang.hotline;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One call taken at the desk, the caller's number masked. */
public record Call(long id, Instant calledAt, String phoneMasked, CallOutcome outcome, @Nullable Long orderId,
                   @Nullable String orderNumber, @Nullable Long articleId, @Nullable String articleQuestion, String note,
                   String agentName) {
}
