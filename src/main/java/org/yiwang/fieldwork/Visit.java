package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 入户走访 — one recorded visit. {@code counted}: this visit covered the household in its round (the first
 * present visit there; a second worker's visit to the same household in the same round is kept, not counted).
 */
public record Visit(long id, long householdId, String gridCode, LocalDate roundStart, long userId, Instant at, boolean present,
                    String needs, Set<NeedKind> needKinds, Set<DoorService> services, String note, List<String> photoIds,
                    List<Long> metPersonIds, @Nullable Long orderId, @Nullable String orderNumber, boolean counted) {

    public Visit {
        needKinds = Set.copyOf(needKinds);
        services = Set.copyOf(services);
        photoIds = List.copyOf(photoIds);
        metPersonIds = List.copyOf(metPersonIds);
    }
}
