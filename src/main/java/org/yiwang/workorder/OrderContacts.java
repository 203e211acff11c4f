package org.yiwang.workorder;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalDataAccess;
import org.yiwang.platform.Role;

import java.util.List;

/**
 * 查看联系方式 — an order's reporter and words are masked for every reader but the reporter; staff who
 * must call the resident back ask for them with a reason, and {@link PersonalDataAccess} records it.
 * Only readers of the order (its scope) in a role that calls back may ask.
 */
@Component
public class OrderContacts {

    /** The roles whose work includes calling a reporter back. */
    static final List<Role> CALL_BACK = List.of(Role.DISPATCHER, Role.HANDLER, Role.COMMUNITY_STAFF, Role.GRID_WORKER, Role.ADMIN);

    private final WorkOrderQueries queries;
    private final PersonalDataAccess access;

    OrderContacts(WorkOrderQueries queries, PersonalDataAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /** The reporter's name and phone and the order's words as typed, with the access record's id. */
    public record Contact(long orderId, String number, String name, String phone, String description, long accessId) {
    }

    public static boolean mayAsk(Actor actor) {
        return actor != null && CALL_BACK.stream().anyMatch(actor::has);
    }

    /** Shows the contact of order {@code id} to {@code actor} for {@code reason}; 404 outside their scope, 403 for other roles. */
    @Transactional
    public Contact reveal(long id, Actor actor, String reason) {
        WorkOrder order = queries.detail(id, actor).order();
        if (!mayAsk(actor)) {
            throw LocalizedException.forbidden("workorder.contact.notYourRole");
        }
        PersonalDataAccess.Shown shown = access.record(actor, "workorder", order.number(), order.districtCode(),
                List.of("reporterName", "reporterPhone", "description"), reason);
        return new Contact(order.id(), order.number(), order.reporterName(), order.reporterPhone(), order.description(), shown.id());
    }
}
