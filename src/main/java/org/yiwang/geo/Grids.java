package org.yiwang.geo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.geo.internal.GridStore;
import org.yiwang.platform.DataScope;
import org.yiwang.platform.LocalizedException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grids (网格) and their grid workers. Methods that take a {@link DataScope} answer as if grids
 * outside it did not exist; the others are for modules acting on the system's behalf (demo data,
 * dispatch), and authorising the person behind them is the caller's business.
 */
@Service
public class Grids {

    private final GridStore store;
    private final ApplicationEventPublisher events;

    Grids(GridStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public Optional<Grid> find(String code) {
        return GridCode.isValid(code) ? store.find(code) : Optional.empty();
    }

    /** The grid, empty when it does not exist or lies outside {@code scope}. */
    public Optional<Grid> find(String code, DataScope scope) {
        return scope.covers(code) ? find(code) : Optional.empty();
    }

    /** A page of the grids in {@code scope}, ordered by code. */
    public GridPage list(GridQuery query, DataScope scope) {
        return store.page(query, scope);
    }

    /** Codes of all comprehensive grids, ordered: the grids that need full-time grid workers. */
    public List<String> comprehensiveGridCodes() {
        return store.codes(GridKind.COMPREHENSIVE, "");
    }

    /** Codes of the comprehensive grids under a division (a code prefix such as a street's code), ordered. */
    public List<String> comprehensiveGridCodes(String divisionPrefix) {
        return store.codes(GridKind.COMPREHENSIVE, divisionPrefix);
    }

    /** Codes of the dedicated grids under a division code prefix ("" for all), ordered. */
    public List<String> dedicatedGridCodes(String divisionPrefix) {
        return store.codes(GridKind.DEDICATED, divisionPrefix);
    }

    /**
     * Codes of the comprehensive grids under a division code prefix ("" for all) that have no
     * full-time grid worker yet — each comprehensive grid needs one.
     */
    public List<String> comprehensiveGridCodesWithoutFullTimeWorker(String divisionPrefix) {
        return store.comprehensiveCodesWithoutFullTimeWorker(divisionPrefix);
    }

    /** The workers of a grid, full-time first. */
    public List<GridWorker> workers(String gridCode) {
        return store.workersOf(List.of(gridCode)).getOrDefault(gridCode, List.of());
    }

    /**
     * The workers of every grid (comprehensive or dedicated) under any of the division code prefixes, by grid
     * code, full-time first — one statement for a whole territory (assessment tables, figures of many workers).
     */
    public Map<String, List<GridWorker>> workersUnder(java.util.Collection<String> divisionPrefixes) {
        return store.workersUnder(divisionPrefixes);
    }

    /** The grids a user works, ordered by code. */
    public List<GridSummary> gridsOf(long userId) {
        return store.gridsOfWorker(userId);
    }

    /**
     * Assigns a grid worker to a grid, or updates the assignment (full-time or not).
     *
     * @throws LocalizedException 404 when the grid does not exist
     */
    @Transactional
    public void assignWorker(String gridCode, GridWorker worker) {
        if (!GridCode.isValid(gridCode) || !store.assign(gridCode, worker)) {
            throw LocalizedException.notFound("geo.grid.notFound", gridCode);
        }
        events.publishEvent(new GridWorkersChanged(gridCode, worker.userId(), true));
    }

    /** Takes a worker off a grid; false when they were not assigned to it. */
    @Transactional
    public boolean unassignWorker(String gridCode, long userId) {
        boolean removed = store.unassign(gridCode, userId);
        if (removed) {
            events.publishEvent(new GridWorkersChanged(gridCode, userId, false));
        }
        return removed;
    }

    /**
     * Changes a grid's name, households, population or dedicated type.
     *
     * @throws LocalizedException 404 when the grid does not exist or lies outside {@code scope}
     */
    @Transactional
    public Grid change(ChangeGrid change, DataScope scope) {
        store.lockRevision();
        requireInScope(change.code(), scope);
        store.update(change.code(), change.name(), change.households(), change.population(), change.dedicatedType());
        long revision = store.bumpRevision();
        events.publishEvent(new GridsChanged(Set.of(change.code().substring(0, 12)), 0, 1, 0, revision));
        return store.find(change.code()).orElseThrow();
    }

    /**
     * Deletes a dedicated grid. Comprehensive grids tile their community; removing one would leave a
     * gap, so they change only through an import of the community's new tiling.
     *
     * @throws LocalizedException 404 when the grid does not exist or lies outside {@code scope}, 409 for a
     *                            comprehensive grid
     */
    @Transactional
    public void delete(String code, DataScope scope) {
        store.lockRevision();
        Grid grid = requireInScope(code, scope);
        if (grid.kind() == GridKind.COMPREHENSIVE) {
            throw LocalizedException.conflict("geo.grid.comprehensiveNotDeletable", code);
        }
        store.delete(code);
        long revision = store.bumpRevision();
        events.publishEvent(new GridsChanged(Set.of(grid.community().code()), 0, 0, 1, revision));
    }

    private Grid requireInScope(String code, DataScope scope) {
        return find(code, scope).orElseThrow(() -> LocalizedException.notFound("geo.grid.notFound", code));
    }
}
