package org.yiwang.whistle.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.platform.Actors;
import org.yiwang.whistle.WhistleQueries;

/**
 * Where a whistle notification's link {@code /whistles/{id}} lands: the console page of its order, where
 * the whistle is shown with the steps the user may take (report in, record the outcome). A whistle the
 * user may not read answers 404.
 */
@Controller
class WhistleLinks {

    private final WhistleQueries queries;

    WhistleLinks(WhistleQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/whistles/{id}")
    String whistle(@PathVariable long id) {
        return "redirect:/console/orders/" + queries.get(id, Actors.require()).orderId() + "#whistle";
    }
}
