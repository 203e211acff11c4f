package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.util.List;
import java.util.Set;

/**
 * 记录入户走访 — a visit to a household: whether anybody was at home, the needs found (free text and kinds),
 * the services done at the door, photos stored before, the people met (each a care visit for them), and
 * whether the need is to follow up as a work order. Nobody at home means nobody met, no needs, no services.
 *
 * @param followUp    report the needs as a work order through the intake (at the household's building)
 * @param requestId   the phone's id for this visit: sending it again records nothing new
 */
public record RecordVisit(long householdId, boolean present, @Nullable String needs, Set<NeedKind> needKinds,
                          Set<DoorService> services, @Nullable String note, List<String> photoIds, List<Long> metPersonIds,
                          boolean followUp, @Nullable String categoryCode, String requestId) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_PHOTOS = 9;

    public RecordVisit {
        needs = needs == null ? "" : needs.strip();
        note = note == null ? "" : note.strip();
        needKinds = Set.copyOf(needKinds == null ? Set.of() : needKinds);
        services = Set.copyOf(services == null ? Set.of() : services);
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
        metPersonIds = List.copyOf(metPersonIds == null ? List.of() : metPersonIds.stream().distinct().toList());
        categoryCode = categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip();
        if (householdId <= 0) {
            throw invalid("householdId");
        }
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            throw invalid("requestId");
        }
        if (needs.length() > MAX_TEXT) {
            throw LocalizedException.badRequest("fieldwork.error.visitTextTooLong", "needs", MAX_TEXT);
        }
        if (note.length() > MAX_TEXT) {
            throw LocalizedException.badRequest("fieldwork.error.visitTextTooLong", "note", MAX_TEXT);
        }
        if (photoIds.size() > MAX_PHOTOS) {
            throw LocalizedException.badRequest("fieldwork.error.tooManyPhotos", MAX_PHOTOS);
        }
        if (!present && (!metPersonIds.isEmpty() || !services.isEmpty())) {
            throw LocalizedException.badRequest("fieldwork.error.absentVisit", metPersonIds.isEmpty() ? "services" : "metPersonIds");
        }
        if (followUp && needs.isEmpty()) {
            throw LocalizedException.badRequest("fieldwork.error.followUpNeeds", "needs");
        }
        if (categoryCode != null && categoryCode.length() > 20) {
            throw invalid("categoryCode");
        }
    }

    private static LocalizedException invalid(String field) {
        return LocalizedException.badRequest("fieldwork.error.visitField", field);
    }
}
