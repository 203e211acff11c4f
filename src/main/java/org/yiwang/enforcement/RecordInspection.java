package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 现场检查 — the checklist points that passed and failed (each point of the scenario's list at most once), what
 * was found, the parties, the items of the 执法事项清单 that apply, and stored photos.
 */
public record RecordInspection(List<String> passed, List<String> failed, String findings, List<Party> parties, List<String> itemCodes,
                               List<String> photoIds, @Nullable String requestKey) {

    public static final int MAX_PHOTOS = 9;

    public RecordInspection {
        passed = List.copyOf(passed == null ? List.of() : passed);
        failed = List.copyOf(failed == null ? List.of() : failed);
        Set<String> seen = new HashSet<>();
        for (String point : concat(passed, failed)) {
            if (!seen.add(point)) {
                throw LocalizedException.badRequest("enforcement.error.checkTwice", point);
            }
        }
        if (seen.isEmpty()) {
            throw LocalizedException.badRequest("enforcement.error.required", "checklist");
        }
        findings = Texts.required(findings, "findings", 2000);
        parties = List.copyOf(parties == null ? List.of() : parties);
        if (parties.size() > 20) {
            throw LocalizedException.badRequest("enforcement.error.field", "parties");
        }
        itemCodes = List.copyOf(new java.util.LinkedHashSet<>(itemCodes == null ? List.of() : itemCodes));
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
        if (photoIds.size() > MAX_PHOTOS) {
            throw LocalizedException.badRequest("enforcement.error.tooManyPhotos", MAX_PHOTOS);
        }
        requestKey = Texts.optionalOrNull(requestKey, "requestKey", 100);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
