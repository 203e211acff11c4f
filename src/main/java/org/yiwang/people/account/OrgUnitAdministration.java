package org.yiwang.people.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.Divisions;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.time.Clock;
import java.util.List;

/** Reads and builds the org unit tree within the caller's scope. */
@Service
public class OrgUnitAdministration {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitAdministration.class);

    private final OrgUnits units;
    private final Divisions divisions;
    private final Clock clock;

    OrgUnitAdministration(OrgUnits units, Divisions divisions, Clock clock) {
        this.units = units;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** The units {@code viewer} may see, optionally of one kind and inside one division. */
    public List<OrgUnit> list(Actor viewer, OrgUnit.Kind kind, String divisionCode) {
        String prefix = divisionCode == null || divisionCode.isBlank() ? null : DataScope.prefixOf(divisionCode);
        return units.within(viewer.scope(), kind, prefix);
    }

    public OrgUnit get(Actor viewer, long id) {
        return units.find(id)
                .filter(u -> ScopePolicy.seesUnit(viewer.scope(), u))
                .orElseThrow(() -> LocalizedException.notFound("people.error.orgUnitNotFound", id));
    }

    @Transactional
    public OrgUnit create(Actor admin, CreateOrgUnit command) {
        if (!admin.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        OrgUnit parent = null;
        if (command.parentId() != null) {
            parent = units.find(command.parentId())
                    .filter(u -> ScopePolicy.seesUnit(admin.scope(), u))
                    .orElseThrow(() -> LocalizedException.badRequest("people.error.parentUnknown", command.parentId()));
        }
        String divisionCode;
        if (command.kind() == OrgUnit.Kind.DIVISION) {
            divisionCode = command.divisionCode();
            boolean placed = parent == null
                    ? admin.scope().citywide()
                    : !parent.isDepartment() && !divisionCode.equals(parent.divisionCode())
                      && divisionCode.startsWith(parent.divisionPrefix());
            if (!placed) {
                throw LocalizedException.badRequest("people.error.divisionNotBelowParent", divisionCode);
            }
            if (divisions.find(divisionCode).isEmpty()) {
                throw LocalizedException.badRequest("people.error.divisionUnknown", divisionCode);
            }
            if (units.divisionOffice(divisionCode).isPresent()) {
                throw LocalizedException.conflict("people.error.divisionOfficeExists", divisionCode);
            }
        } else {
            divisionCode = parent.divisionCode();
        }
        boolean allowed = admin.scope().departmentIds().isEmpty()
                ? admin.scope().covers(divisionCode)
                : parent != null && admin.scope().departmentIds().contains(parent.id()) && command.kind() == OrgUnit.Kind.DEPARTMENT;
        if (!allowed) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (units.nameTakenUnder(command.parentId(), command.name())) {
            throw LocalizedException.conflict("people.error.orgUnitNameTaken", command.name());
        }
        long id;
        try {
            id = units.insert(command.parentId(), command.kind(), divisionCode, command.departmentType(), command.name(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw LocalizedException.conflict("people.error.orgUnitNameTaken", command.name());
        }
        log.info("{} created org unit {} ({}, {}, id {})", admin.username(), command.name(), command.kind(), divisionCode, id);
        return units.find(id).orElseThrow();
    }
}
