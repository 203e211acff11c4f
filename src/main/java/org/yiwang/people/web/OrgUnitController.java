package org.yiwang.people.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.account.CreateOrgUnit;
import org.yiwang.people.account.OrgUnitAdministration;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;
import java.util.Locale;

/** Org units within the caller's territory. */
@RestController
@RequestMapping("/api/people/org-units")
class OrgUnitController {

    private final OrgUnitAdministration units;

    OrgUnitController(OrgUnitAdministration units) {
        this.units = units;
    }

    /**
     * @param kind DIVISION or DEPARTMENT
     * @param divisionCode only units inside this division
     */
    @GetMapping
    List<OrgUnit> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String divisionCode) {
        return units.list(staff(), kindOf(kind, false), divisionCode);
    }

    @GetMapping("/{id}")
    OrgUnit get(@PathVariable long id) {
        return units.get(staff(), id);
    }

    @PostMapping
    ResponseEntity<OrgUnit> create(@RequestBody NewOrgUnit request) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        OrgUnit created = units.create(admin, new CreateOrgUnit(request.parentId(), kindOf(request.kind(), true),
                request.divisionCode(), typeOf(request.departmentType()), request.name()));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .body(created);
    }

    private static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    private static OrgUnit.Kind kindOf(String kind, boolean required) {
        if (kind == null || kind.isBlank()) {
            if (required) {
                throw LocalizedException.badRequest("people.error.orgUnitKind");
            }
            return null;
        }
        try {
            return OrgUnit.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("people.error.orgUnitKind");
        }
    }

    private static DepartmentType typeOf(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return DepartmentType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("people.error.departmentType");
        }
    }

    record NewOrgUnit(Long parentId, String kind, String divisionCode, String departmentType, String name) {
    }
}
