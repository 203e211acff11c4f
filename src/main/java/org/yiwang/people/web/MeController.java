package org.yiwang.people.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.account.UserAdministration;
import org.yiwang.people.account.UserQueries;
import org.yiwang.people.account.UserView;
import org.yiwang.people.security.ApiToken;
import org.yiwang.people.security.ApiTokens;
import org.yiwang.people.security.IssuedToken;
import org.yiwang.people.security.SignedInUser;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The signed-in user: who am I, my password, my API tokens. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final UserQueries users;
    private final UserAdministration administration;
    private final ApiTokens tokens;

    MeController(UserQueries users, UserAdministration administration, ApiTokens tokens) {
        this.users = users;
        this.administration = administration;
        this.tokens = tokens;
    }

    @GetMapping
    Me me() {
        Actor actor = Actors.require();
        UserView self = users.get(actor, actor.userId());
        return new Me(self.id(), self.username(), self.displayName(), new TreeSet<>(actor.roles()), self.orgUnit(),
                Scope.of(actor.scope()), actor.seesPersonalData(), self.phone(), self.idNumber(), self.fullTimeGridWorker(),
                viaToken() != null);
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange change) {
        administration.changeOwnPassword(Actors.require(), change.currentPassword(), change.newPassword());
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens() {
        return tokens.list(Actors.require().userId());
    }

    /** The response is the only time the token is shown. A token cannot mint further tokens. */
    @PostMapping("/tokens")
    ResponseEntity<IssuedToken> createToken(@RequestBody NewToken request) {
        Actor actor = Actors.require();
        if (viaToken() != null) {
            throw LocalizedException.forbidden("people.error.tokenViaToken");
        }
        IssuedToken issued = tokens.issue(actor, request.name(), request.expiresInDays());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(issued.id()))
                .header("Cache-Control", "no-store")
                .body(issued);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable long id) {
        tokens.revoke(Actors.require().userId(), id);
    }

    private static Long viaToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user.tokenId() : null;
    }

    /**
     * @param phone and {@code idNumber}: the user's own, unmasked
     * @param viaToken this request was authenticated with an API token
     */
    record Me(long id, String username, String displayName, Set<Role> roles, OrgUnit orgUnit, Scope scope,
              boolean seesPersonalData, String phone, String idNumber, boolean fullTimeGridWorker, boolean viaToken) {
    }

    record Scope(boolean citywide, Set<String> divisionPrefixes, Set<Long> departmentIds) {
        static Scope of(DataScope scope) {
            return new Scope(scope.citywide(), new TreeSet<>(scope.divisionPrefixes()), new TreeSet<>(scope.departmentIds()));
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    /** @param expiresInDays null for no expiry */
    record NewToken(String name, Integer expiresInDays) {
    }
}
