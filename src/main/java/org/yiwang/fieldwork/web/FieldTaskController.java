package org.yiwang.fieldwork.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.fieldwork.FieldTasks;
import org.yiwang.platform.Actors;

import java.time.Clock;
import java.util.List;

/** 派发任务 API: the visits and checks handed to my grids, and doing one. */
@RestController
@RequestMapping("/api/fieldwork/tasks")
@Tag(name = "Field work")
class FieldTaskController {

    private final FieldTasks tasks;
    private final Clock clock;

    FieldTaskController(FieldTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    record FieldTaskDoneInput(@Nullable String note) {
    }

    @Operation(summary = "Open visits and checks of my grids, earliest due first (names masked)")
    @GetMapping
    List<TaskPageController.FieldTaskView> openFieldTasks() {
        return tasks.open(Actors.require()).stream().map(t -> TaskPageController.FieldTaskView.of(t, clock.instant())).toList();
    }

    @Operation(summary = "One task of my grids")
    @GetMapping("/{id}")
    TaskPageController.FieldTaskView fieldTask(@PathVariable long id) {
        return TaskPageController.FieldTaskView.of(tasks.get(id, Actors.require()), clock.instant());
    }

    @Operation(summary = "Mark a task done with what was found (once; the assigning module is told)")
    @PostMapping("/{id}/done")
    TaskPageController.FieldTaskView completeFieldTask(@PathVariable long id, @RequestBody FieldTaskDoneInput input) {
        return TaskPageController.FieldTaskView.of(tasks.complete(id, input.note(), Actors.require()), clock.instant());
    }
}
