package org.yiwang.workorder.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.platform.Role;
import org.yiwang.workorder.WorkOrderQueries;

/**
 * Where a notification's link {@code /work-orders/{id}} lands: the screen on which the signed-in user
 * can act on the order — the console order page for command centres, departments and leaders, the
 * grid worker's verification page on the phone, the resident's own report page. An order the user may
 * not read answers 404, as everywhere.
 */
@Controller
class NoticeLinks {

    private final WorkOrderQueries queries;
    private final StaffErrorPage errors;

    NoticeLinks(WorkOrderQueries queries, StaffErrorPage errors) {
        this.queries = queries;
        this.errors = errors;
    }

    @GetMapping("/work-orders/{id}")
    String order(@PathVariable long id) {
        Actor actor = Actors.require();
        queries.get(id, actor);
        return "redirect:" + screenOf(id, actor);
    }

    static String screenOf(long id, Actor actor) {
        if (!actor.isStaff()) {
            return "/m/reports/" + id;
        }
        boolean onlyInTheField = actor.has(Role.GRID_WORKER)
                && !actor.hasAny(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.HANDLER, Role.COMMUNITY_STAFF);
        return onlyInTheField ? "/m/grid/orders/" + id : "/console/orders/" + id;
    }

    /** A link to something gone or out of reach: the error page, in the reader's language. */
    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/", "workorder.admin.journal.back", model, response);
    }
}
