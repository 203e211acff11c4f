package org.yiwang.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.people.account.SignInAccount;
import org.yiwang.people.account.SignInAccounts;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users, as other modules may look them up: who someone is, who holds a role in an org unit, and
 * the {@link Actor} a user acts as. Personal data stays here except for {@link #contactPhone}.
 */
@Service
public class People {

    private static final String SUMMARY = "SELECT id, username, display_name, org_unit_id, full_time_grid_worker, enabled FROM people_user ";

    private final JdbcClient jdbc;
    private final SignInAccounts accounts;

    People(JdbcClient jdbc, SignInAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public Optional<UserSummary> find(long userId) {
        return summaries(SUMMARY + "WHERE id = :key", userId).stream().findFirst();
    }

    /** The display names of those users that exist, by id, in one statement — e.g. the names of a table's rows. */
    public Map<Long, String> displayNames(java.util.Collection<Long> userIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM people_user WHERE id = ANY (:ids)").param("ids", userIds.toArray(Long[]::new))
                    .query(rs -> {
                        names.put(rs.getLong("id"), rs.getString("display_name"));
                    });
        }
        return names;
    }

    public Optional<UserSummary> findByUsername(String username) {
        return username == null ? Optional.empty()
                : summaries(SUMMARY + "WHERE username = :key", username.trim().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /** The enabled users of an org unit who hold {@code role}, e.g. the handlers of a department. */
    public List<UserSummary> membersOf(long orgUnitId, Role role) {
        return summaries(SUMMARY + "WHERE org_unit_id = :key AND enabled"
                + " AND EXISTS (SELECT 1 FROM people_user_role r WHERE r.user_id = people_user.id AND r.role = :role)"
                + " ORDER BY username", orgUnitId, role.name());
    }

    /** Who an enabled user acts as — their roles and data scope — e.g. for work done on their behalf. */
    public Optional<Actor> actorOf(String username) {
        return accounts.byUsername(username).filter(SignInAccount::enabled).map(SignInAccount::actor);
    }

    /**
     * The unmasked phone number, for sending a notification to the user only. Never show or log it;
     * screens use {@link org.yiwang.platform.PersonalData#phoneFor}.
     */
    public Optional<String> contactPhone(long userId) {
        return jdbc.sql("SELECT phone FROM people_user WHERE id = :id AND enabled AND phone IS NOT NULL")
                .param("id", userId).query(String.class).optional();
    }

    private List<UserSummary> summaries(String sql, Object key) {
        return summaries(sql, key, null);
    }

    private List<UserSummary> summaries(String sql, Object key, String role) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("key", key);
        if (role != null) {
            statement = statement.param("role", role);
        }
        statement.query(rs -> {
            rows.put(rs.getLong("id"), new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                    rs.getObject("org_unit_id", Long.class), rs.getBoolean("full_time_grid_worker"), rs.getBoolean("enabled")));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, role FROM people_user_role WHERE user_id = ANY (:ids)")
                .param("ids", rows.keySet().toArray(Long[]::new))
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString("role")));
                });
        return rows.values().stream()
                .map(r -> new UserSummary(r.id(), r.username(), r.displayName(), roles.getOrDefault(r.id(), Set.of()),
                        r.orgUnitId(), r.fullTimeGridWorker(), r.enabled()))
                .toList();
    }

    private record Row(long id, String username, String displayName, Long orgUnitId, boolean fullTimeGridWorker, boolean enabled) {
    }
}
