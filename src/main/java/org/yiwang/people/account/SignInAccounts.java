package org.yiwang.people.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.people.OrgUnit;
import org.yiwang.platform.Actor;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.Role;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Loads accounts for signing in and turns them into {@link Actor}s with their data scope. */
@Service
public class SignInAccounts {

    private final JdbcClient jdbc;
    private final OrgUnits orgUnits;

    SignInAccounts(JdbcClient jdbc, OrgUnits orgUnits) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
    }

    public Optional<SignInAccount> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return load("username = :key", username.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<SignInAccount> byId(long id) {
        return load("id = :key", id);
    }

    private Optional<SignInAccount> load(String condition, Object key) {
        return jdbc.sql("SELECT id, username, display_name, password_hash, org_unit_id, enabled FROM people_user WHERE " + condition)
                .param("key", key)
                .query((rs, n) -> new Loaded(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getObject("org_unit_id", Long.class), rs.getBoolean("enabled")))
                .optional()
                .map(this::toAccount);
    }

    private SignInAccount toAccount(Loaded row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM people_user_role WHERE user_id = :id").param("id", row.id())
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        OrgUnit unit = row.orgUnitId() == null ? null : orgUnits.find(row.orgUnitId()).orElse(null);
        Set<Long> below = unit != null && unit.isDepartment() ? orgUnits.departmentsBelow(unit.id()) : Set.of();
        DataScope scope = ScopePolicy.scopeOf(roles, unit, below);
        Actor actor = new Actor(row.id(), row.username(), row.displayName(), roles, row.orgUnitId(),
                unit == null ? null : unit.name(), scope, ScopePolicy.seesPersonalData(roles));
        return new SignInAccount(row.id(), row.username(), row.passwordHash(), row.enabled(), actor);
    }

    private record Loaded(long id, String username, String displayName, String passwordHash, Long orgUnitId, boolean enabled) {
    }
}
