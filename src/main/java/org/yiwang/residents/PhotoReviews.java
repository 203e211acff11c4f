package org.yiwang.residents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.Transition;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderQueries;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 照片公开审核 — a photo of an order reaches the public page only after a staff member of the order's territory
 * approved it (faces, licence plates, door numbers are the reviewer's call); a refused photo stays internal. The
 * decision can be changed; each is recorded with who and when.
 */
@Service
public class PhotoReviews {

    private final JdbcClient jdbc;
    private final WorkOrderQueries orders;
    private final Clock clock;

    PhotoReviews(JdbcClient jdbc, WorkOrderQueries orders, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
    }

    /** Approves or refuses one photo of an order the reviewer may see; a photo the order does not have is refused. */
    @Transactional
    public void review(long orderId, String photoId, boolean approved, Actor reviewer) {
        requireReviewer(reviewer);
        WorkOrderQueries.OrderDetail detail = orders.detail(orderId, reviewer);
        if (photoId == null || !photosOf(detail.history()).contains(photoId)) {
            throw LocalizedException.badRequest("residents.error.photoNotOfOrder", String.valueOf(photoId));
        }
        jdbc.sql("""
                        INSERT INTO residents_photo_review (order_id, photo_id, district_code, approved, reviewer_id, reviewed_at)
                        VALUES (:o, :p, :d, :a, :r, :at)
                        ON CONFLICT ON CONSTRAINT residents_photo_review_pk
                        DO UPDATE SET approved = EXCLUDED.approved, reviewer_id = EXCLUDED.reviewer_id, reviewed_at = EXCLUDED.reviewed_at""")
                .param("o", orderId).param("p", photoId).param("d", detail.order().districtCode()).param("a", approved)
                .param("r", reviewer.userId()).param("at", Timestamp.from(clock.instant())).update();
    }

    /** The decisions on an order's photos: photo id → approved (photos not reviewed yet are absent). */
    @Transactional(readOnly = true)
    public Map<String, Boolean> decisions(long orderId) {
        Map<String, Boolean> found = new HashMap<>();
        jdbc.sql("SELECT photo_id, approved FROM residents_photo_review WHERE order_id = :o").param("o", orderId)
                .query(rs -> {
                    found.put(rs.getString("photo_id"), rs.getBoolean("approved"));
                });
        return found;
    }

    /** Whether the public may see this photo of this order. */
    @Transactional(readOnly = true)
    public boolean approved(long orderId, String photoId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM residents_photo_review WHERE order_id = :o AND photo_id = :p AND approved)")
                .param("o", orderId).param("p", photoId).query(Boolean.class).single();
    }

    /** An order in the reviewer's territory with its photos and the decisions so far. */
    public record Pending(long orderId, String number, String status, List<String> photos, Map<String, Boolean> decisions) {
    }

    /** The newest orders with photos in the reviewer's territory, undecided photos first. */
    @Transactional(readOnly = true)
    public List<Pending> recent(int limit, Actor reviewer) {
        requireReviewer(reviewer);
        List<Pending> found = new java.util.ArrayList<>();
        for (WorkOrder order : orders.list(org.yiwang.workorder.OrderFilter.NONE, 0, Math.min(limit * 3, WorkOrderQueries.MAX_PAGE_SIZE), reviewer).content()) {
            List<String> photos = List.copyOf(photosOf(orders.detail(order, reviewer).history()));
            if (!photos.isEmpty()) {
                found.add(new Pending(order.id(), order.number(), order.status().name(), photos, decisions(order.id())));
            }
            if (found.size() >= limit) {
                break;
            }
        }
        found.sort(java.util.Comparator.comparing((Pending p) -> p.decisions().size() >= p.photos().size()));
        return found;
    }

    static Set<String> photosOf(List<Transition> history) {
        Set<String> photos = new LinkedHashSet<>();
        history.forEach(t -> photos.addAll(t.photos()));
        return photos;
    }

    static void requireReviewer(Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.ADMIN)) {
            throw LocalizedException.forbidden("residents.error.reviewersOnly");
        }
    }
}
