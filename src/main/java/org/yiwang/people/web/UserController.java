package org.yiwang.people.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.people.account.AccountRules;
import org.yiwang.people.account.CreateUser;
import org.yiwang.people.account.PageOf;
import org.yiwang.people.account.UpdateUser;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.people.account.UserFilter;
import org.yiwang.people.account.UserQueries;
import org.yiwang.people.account.UserView;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;

/**
 * Users within the caller's scope. Any staff member may read; only an ADMIN may create or change, and
 * only inside their scope. Users outside the scope answer 404.
 */
@RestController
@RequestMapping("/api/people/users")
class UserController {

    private final UserQueries users;
    private final UserAdministration administration;

    UserController(UserQueries users, UserAdministration administration) {
        this.users = users;
        this.administration = administration;
    }

    @GetMapping
    PageOf<UserView> list(@RequestParam(required = false) String role, @RequestParam(required = false) Long orgUnitId,
                          @RequestParam(defaultValue = "false") boolean subunits, @RequestParam(required = false) String q,
                          @RequestParam(required = false) Boolean enabled, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        Actor viewer = staff();
        Role wanted = role == null || role.isBlank() ? null : AccountRules.roles(List.of(role)).iterator().next();
        return users.list(viewer, new UserFilter(wanted, orgUnitId, subunits, q, enabled), page, size);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return users.get(staff(), id);
    }

    /** Why the administrator needs the user's phone and ID number. */
    record RevealRequest(String reason) {
    }

    /** The user's phone and ID number unmasked, with a reason that is recorded. */
    @PostMapping("/{id}/personal-data")
    UserView reveal(@PathVariable long id, @RequestBody RevealRequest request) {
        return users.reveal(staff(), id, request.reason());
    }

    @PostMapping
    ResponseEntity<UserView> create(@RequestBody NewUser request) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        UserView created = administration.create(admin, new CreateUser(request.username(), request.displayName(),
                request.password(), request.phone(), request.idNumber(), request.orgUnitId(),
                AccountRules.roles(request.roles()), Boolean.TRUE.equals(request.fullTimeGridWorker())));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(created.id()))
                .body(created);
    }

    /** Changes the fields present in the body; an empty phone or ID number clears it. */
    @PatchMapping("/{id}")
    UserView update(@PathVariable long id, @RequestBody UserChanges request) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        return administration.update(admin, id, new UpdateUser(request.displayName(), request.phone(), request.idNumber(),
                request.orgUnitId(), request.roles() == null ? null : AccountRules.roles(request.roles()),
                request.fullTimeGridWorker(), request.version()));
    }

    @PostMapping("/{id}/disable")
    UserView disable(@PathVariable long id) {
        return administration.disable(Actors.requireAny(Role.ADMIN), id);
    }

    @PostMapping("/{id}/enable")
    UserView enable(@PathVariable long id) {
        return administration.enable(Actors.requireAny(Role.ADMIN), id);
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @RequestBody PasswordReset request) {
        administration.resetPassword(Actors.requireAny(Role.ADMIN), id, request.password());
    }

    private static Actor staff() {
        Actor actor = Actors.require();
        if (!actor.isStaff()) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        return actor;
    }

    record NewUser(String username, String displayName, String password, String phone, String idNumber, Long orgUnitId,
                   List<String> roles, Boolean fullTimeGridWorker) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    /** @param version the version last read, to refuse the change if someone else changed the user since */
    record UserChanges(String displayName, String phone, String idNumber, Long orgUnitId, List<String> roles,
                       Boolean fullTimeGridWorker, Integer version) {
        @Override
        public String toString() {
            return "UserChanges[orgUnitId=" + orgUnitId + ", roles=" + roles + "]";
        }
    }

    record PasswordReset(String password) {
        @Override
        public String toString() {
            return "PasswordReset[****]";
        }
    }
}
