package org.yiwang.workorder;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

/** The work-order aggregates; the version column guards against lost updates. */
interface WorkOrders extends ListCrudRepository<WorkOrder, Long> {

    @Query("select * from workorder_order where coalesce(reporter_user_id, 0) = :reporter and idempotency_key = :key")
    Optional<WorkOrder> findByIdempotencyKey(long reporter, String key);
}
