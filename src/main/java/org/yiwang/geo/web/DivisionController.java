package org.yiwang.geo.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionNode;
import org.yiwang.geo.Divisions;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.List;

/** The division tree as far as the caller may see it: their part of the territory and the names above it. */
@RestController
@RequestMapping("/api/geo")
class DivisionController {

    private final Divisions divisions;

    DivisionController(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The visible tree, or with {@code parent} only the visible divisions directly below it. */
    @GetMapping("/divisions")
    List<DivisionItem> divisions(@RequestParam(required = false) String parent) {
        Actor actor = Actors.require();
        if (parent == null) {
            return divisions.tree(actor.scope()).stream().map(DivisionController::item).toList();
        }
        if (!parent.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw LocalizedException.badRequest("geo.param.divisionCode", "parent", parent);
        }
        if (!Divisions.isVisible(parent, actor.scope()) || divisions.find(parent).isEmpty()) {
            throw LocalizedException.notFound("geo.division.notFound", parent);
        }
        return divisions.visibleChildren(parent, actor.scope()).stream().map(d -> item(d, null)).toList();
    }

    private static DivisionItem item(DivisionNode node) {
        return item(node.division(), node.children().stream().map(DivisionController::item).toList());
    }

    private static DivisionItem item(Division d, List<DivisionItem> children) {
        return new DivisionItem(d.code(), d.name(), d.level().name().toLowerCase(java.util.Locale.ROOT), d.parentCode(), children);
    }

    /** @param children null when only one level was asked for */
    record DivisionItem(String code, String name, String level, String parentCode, List<DivisionItem> children) {
    }
}
