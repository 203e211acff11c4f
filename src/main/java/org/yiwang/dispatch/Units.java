package org.yiwang.dispatch;

import org.springframework.stereotype.Component;
import org.yiwang.catalog.DutyCandidate;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.geo.GridWorker;
import org.yiwang.geo.Grids;
import org.yiwang.people.DepartmentType;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the real unit behind a duty-list candidate in one place: the grid's full-time worker, the
 * community workstation, or the department of a type in the street or district. Answers are cached
 * briefly because routing runs on every intake and the org tree changes rarely.
 */
@Component
class Units {

    static final Duration TTL = Duration.ofSeconds(60);

    private final Organization organization;
    private final Grids grids;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached<?>> cache = new ConcurrentHashMap<>();

    Units(Organization organization, Grids grids, Clock clock) {
        this.organization = organization;
        this.grids = grids;
        this.clock = clock;
    }

    /** The unit (and person, at grid level) that a candidate names in this place. */
    record Target(OrgUnit orgUnit, Long userId) {
    }

    Optional<Target> resolve(DutyCandidate candidate, RouteRequest place) {
        if (candidate.level() == DutyLevel.GRID) {
            if (place.gridCode() == null || place.communityCode() == null) {
                return Optional.empty();
            }
            Optional<GridWorker> worker = cached("worker:" + place.gridCode(), () -> grids.workers(place.gridCode()).stream()
                    .sorted(Comparator.comparing(GridWorker::fullTime).reversed())
                    .findFirst());
            Optional<OrgUnit> office = office(place.communityCode());
            return worker.isPresent() && office.isPresent()
                    ? Optional.of(new Target(office.get(), worker.get().userId()))
                    : Optional.empty();
        }
        if (candidate.department() == null) {
            return divisionOf(candidate.level(), place).flatMap(this::office).map(unit -> new Target(unit, null));
        }
        return department(candidate.department(), candidate.level(), place).map(unit -> new Target(unit, null));
    }

    Optional<OrgUnit> department(DepartmentType type, DutyLevel level, RouteRequest place) {
        return divisionOf(level == DutyLevel.GRID ? DutyLevel.COMMUNITY : level, place)
                .flatMap(code -> cached("dept:" + code + ":" + type, () -> organization.department(code, type)));
    }

    private Optional<OrgUnit> office(String divisionCode) {
        return cached("office:" + divisionCode, () -> organization.officeOf(divisionCode).filter(OrgUnit::enabled));
    }

    private static Optional<String> divisionOf(DutyLevel level, RouteRequest place) {
        return Optional.ofNullable(switch (level) {
            case GRID, COMMUNITY -> place.communityCode();
            case STREET -> place.streetCode();
            case DISTRICT -> place.districtCode();
        });
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, Supplier<Optional<T>> loader) {
        Instant now = clock.instant();
        Cached<?> hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return (Optional<T>) hit.value();
        }
        Optional<T> value = loader.get();
        cache.put(key, new Cached<>(value, now.plus(TTL)));
        return value;
    }

    void forget() {
        cache.clear();
    }

    private record Cached<T>(Optional<T> value, Instant until) {
    }
}
