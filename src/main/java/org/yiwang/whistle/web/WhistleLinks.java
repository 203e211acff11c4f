package org.yiwang.whistle.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.whistle.WhistleQueries;

/**
 * Where a whistle notification's link {@code /whistles/{id}} lands: the console page of its order, where
 * the whistle is shown with the steps the user may take (report in, record the outcome). A whistle the
 * user may not read answers 404.
 */
@Controller
class WhistleLinks {

    private final WhistleQueries queries;
    private final StaffErrorPage errors;

    WhistleLinks(WhistleQueries queries, StaffErrorPage errors) {
        this.queries = queries;
        this.errors = errors;
    }

    @GetMapping("/whistles/{id}")
    String whistle(@PathVariable long id) {
        return "redirect:/console/orders/" + queries.get(id, Actors.require()).orderId() + "#whistle";
    }

    /** A link to something gone or out of reach: the error page, in the reader's language. */
    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/", "workorder.admin.journal.back", model, response);
    }
}
