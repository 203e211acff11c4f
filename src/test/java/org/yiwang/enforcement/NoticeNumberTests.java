package org.yiwang.enforcement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice number series per street and year: unique and without gaps when many notices are served at once. */
@EnforcementSpringTest
class NoticeNumberTests {

    @Autowired NoticeNumbers numbers;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void concurrentNoticesOfOneStreetTakeConsecutiveNumbersAndARolledBackOneGivesItsNumberBack() throws Exception {
        String street = "999999" + String.format("%03d", (int) (Math.random() * 1000));
        jdbc.sql("DELETE FROM enforcement_notice_series WHERE street_code = :s").param("s", street).update();
        int threads = 12;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Integer> committed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean rollBack = t % 3 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    transactions.executeWithoutResult(tx -> {
                        int seq = numbers.next(street, 2026);
                        if (rollBack) {
                            tx.setRollbackOnly();
                        } else {
                            committed.add(seq);
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // the numbers that were kept are 1..n: nothing twice and no hole left by the transactions that rolled back
        assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, committed.size()).boxed().toList());
        assertThat(committed).hasSize(8);
        assertThat(numbers.next(street, 2027)).isEqualTo(1);
        jdbc.sql("DELETE FROM enforcement_notice_series WHERE street_code = :s").param("s", street).update();
    }

    @Test
    void theNumberNamesTheYearTheStreetAndTheSequence() {
        assertThat(NoticeNumbers.format("320104002", 2026, 7)).isEqualTo("综执责改〔2026〕002-0007号");
    }
}
