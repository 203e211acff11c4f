package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.Checklists;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.util.List;
import java.util.Set;

/** 三项清单 API: my duty lists as checklists, and the items ticked on a patrol. */
@RestController
@RequestMapping("/api/fieldwork")
@Tag(name = "Field work")
class ChecklistController {

    private final Checklists checklists;

    ChecklistController(Checklists checklists) {
        this.checklists = checklists;
    }

    record Ticks(@Nullable List<Long> itemIds) {
    }

    @Operation(summary = "The duty lists (巡查走访、处置服务、监督指导) of my roles")
    @GetMapping("/checklists")
    List<Checklists.Item> items() {
        return checklists.itemsFor(Actors.require());
    }

    @Operation(summary = "The items ticked on one of my patrols")
    @GetMapping("/patrols/{id}/ticks")
    Set<Long> ticked(@PathVariable long id) {
        return checklists.ticked(id, Actors.require());
    }

    @Operation(summary = "Set the items ticked on one of my patrols")
    @PutMapping("/patrols/{id}/ticks")
    Set<Long> tick(@PathVariable long id, @RequestBody Ticks ticks) {
        if (ticks.itemIds() == null) {
            throw LocalizedException.badRequest("fieldwork.error.unknownItem", "itemIds");
        }
        return checklists.tick(id, ticks.itemIds(), Actors.require());
    }
}
