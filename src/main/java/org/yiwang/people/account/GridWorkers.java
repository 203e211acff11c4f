package org.yiwang.people.account;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.GridWorkerDirectory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tells geography who the grid workers are: enabled users holding the GRID_WORKER role. */
@Component
class GridWorkers implements GridWorkerDirectory {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.full_time_grid_worker
              FROM people_user u
             WHERE u.enabled
               AND EXISTS (SELECT 1 FROM people_user_role r WHERE r.user_id = u.id AND r.role = 'GRID_WORKER')
            """;
    private static final RowMapper<GridWorker> MAPPER = (rs, n) -> new GridWorker(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), rs.getBoolean("full_time_grid_worker"));

    private final JdbcClient jdbc;

    GridWorkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<GridWorker> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " AND u.username = :username")
                .param("username", username.trim().toLowerCase(Locale.ROOT))
                .query(MAPPER).optional();
    }

    @Override
    public Map<String, GridWorker> findAll(Collection<String> usernames) {
        Map<String, String> byCanonical = new LinkedHashMap<>();
        usernames.forEach(u -> byCanonical.put(u.trim().toLowerCase(Locale.ROOT), u));
        Map<String, GridWorker> found = new LinkedHashMap<>();
        if (byCanonical.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " AND u.username = ANY (:usernames)")
                .param("usernames", byCanonical.keySet().toArray(String[]::new))
                .query(MAPPER).list()
                .forEach(worker -> found.put(byCanonical.get(worker.username()), worker));
        return found;
    }
}
