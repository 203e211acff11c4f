package org.yiwang.cogov.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cogov.alliance.Alliance;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.util.List;

/** 党建联盟 API: member units, 实事项目, progress reports and the public list. */
@RestController
@Tag(name = "Co-governance")
class AllianceApi {

    private final Alliance alliance;

    AllianceApi(Alliance alliance) {
        this.alliance = alliance;
    }

    record AllianceUnitInput(@Nullable String streetCode, @Nullable String name, @Nullable String kind) {
    }

    record AllianceProjectInput(@Nullable Long unitId, @Nullable String communityCode, @Nullable String title, @Nullable String description,
                        @Nullable LocalDate due) {
    }

    record AllianceProgressInput(@Nullable Integer progress, @Nullable String note) {
    }

    @GetMapping("/api/cogov/alliance/units")
    List<Alliance.AllianceUnit> units() {
        return alliance.units(Actors.require());
    }

    @PostMapping("/api/cogov/alliance/units")
    @ResponseStatus(HttpStatus.CREATED)
    Alliance.AllianceUnit addUnit(@RequestBody AllianceUnitInput in) {
        return alliance.addUnit(in.streetCode(), in.name(), in.kind(), Actors.require());
    }

    @GetMapping("/api/cogov/alliance/projects")
    List<Alliance.AllianceProject> projects() {
        Actors.require();
        return alliance.display();
    }

    @PostMapping("/api/cogov/alliance/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Alliance.AllianceProject addProject(@RequestBody AllianceProjectInput in) {
        if (in.unitId() == null) {
            throw LocalizedException.badRequest("cogov.error.required", "unitId");
        }
        return alliance.addProject(in.unitId(), in.communityCode(), in.title(), in.description(), in.due(), Actors.require());
    }

    @PostMapping("/api/cogov/alliance/projects/{id}/progress")
    Alliance.AllianceProject report(@PathVariable long id, @RequestBody AllianceProgressInput in) {
        return alliance.report(id, in.progress(), in.note(), Actors.require());
    }

    @GetMapping("/api/cogov/alliance/projects/{id}/updates")
    List<Alliance.ProjectUpdate> updates(@PathVariable long id) {
        Actors.require();
        alliance.project(id);
        return alliance.updates(id);
    }

}
