package org.yiwang.workorder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;

import java.util.List;

/**
 * Who may look at a photo: whoever uploaded its bytes, anyone who may read an order whose history shows it (scope or a
 * read grant), or whoever another module's {@link PhotoReaders} lets see it.
 */
@Component
public class PhotoAccess {

    private final JdbcClient jdbc;
    private final WorkOrders orders;

    private final WorkOrderQueries queries;
    private final List<PhotoReaders> modules;

    PhotoAccess(JdbcClient jdbc, WorkOrders orders, WorkOrderQueries queries, List<PhotoReaders> modules) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.queries = queries;
        this.modules = List.copyOf(modules);
    }

    public boolean maySee(String photoId, Actor actor) {
        boolean uploader = jdbc.sql("select exists (select 1 from workorder_photo_uploader where sha256 = :id and user_id = :me)")
                .param("me", actor.userId()).param("id", photoId).query(Boolean.class).single();
        if (uploader) {
            return true;
        }
        List<Long> orderIds = jdbc.sql("select distinct order_id from workorder_transition where photos @> array[cast(:id as varchar)] limit 50")
                .param("id", photoId).query(Long.class).list();
        for (WorkOrder order : orders.findAllById(orderIds)) {
            if (queries.mayRead(actor, order)) {
                return true;
            }
        }
        for (PhotoReaders module : modules) {
            if (module.maySee(photoId, actor)) {
                return true;
            }
        }
        return false;
    }
}
