package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partial index of open orders (V50) cannot name Java: this keeps its predicate and
 * {@link WorkOrderStatus#ENDED} one definition, and checks that SQL written from the group can use it.
 */
@WorkOrderSpringTest
class OpenOrdersIndexTests {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void theOpenOrdersIndexLeavesOutExactlyTheEndedStates() {
        String definition = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'workorder_order_open_status'")
                .query(String.class).single();
        String predicate = definition.substring(definition.indexOf(" WHERE "));
        assertThat(predicate).contains("<> ALL");
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(predicate);
        Set<String> left = new TreeSet<>();
        while (quoted.find()) {
            left.add(quoted.group(1));
        }
        assertThat(left).isEqualTo(WorkOrderStatus.ENDED.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aQueryForOpenOrdersWrittenFromTheGroupUsesTheIndex() {
        String plan = transactions.execute(s -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            List<String> lines = jdbc.sql("EXPLAIN SELECT id FROM workorder_order o WHERE o.district_code = '320104' AND "
                    + WorkOrderStatus.openSql("o.status")).query(String.class).list();
            return String.join("\n", lines);
        });
        // either partial index of the open orders (by status, V50; by point, V360): both carry the group's predicate,
        // so the planner may use them only because the query's text matches it
        assertThat(plan).containsAnyOf("workorder_order_open_status", "workorder_order_open_point");
    }
}
