package org.yiwang.hotline;

import java.time.Instant;

/** Calls taken at the desk since {@code from}, by outcome; the direct-answer rate (直接答复率) is direct answers over all calls. */
public record CallFigures(Instant from, long calls, long newOrders, long repeats, long directAnswers) {

    public double directAnswerRate() {
        return calls == 0 ? 0 : (double) directAnswers / calls;
    }
}
