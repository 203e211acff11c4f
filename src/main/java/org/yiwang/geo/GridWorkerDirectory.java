package org.yiwang.geo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds grid workers by username. Geography does not know users; the module that does provides a
 * bean implementing this (service provider interface). Without one, every username in a grid
 * import is reported as an unknown grid worker.
 */
public interface GridWorkerDirectory {

    /** The grid worker with this username, empty when there is no such user or they are no grid worker. */
    Optional<GridWorker> find(String username);

    /** Finds many at once; override when a single query is cheaper. Unknown usernames are left out. */
    default Map<String, GridWorker> findAll(Collection<String> usernames) {
        Map<String, GridWorker> found = new LinkedHashMap<>();
        for (String username : usernames) {
            find(username).ifPresent(worker -> found.put(username, worker));
        }
        return found;
    }
}
