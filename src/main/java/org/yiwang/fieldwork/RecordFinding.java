package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;
import org.yiwang.geo.LonLat;
import org.yiwang.platform.LocalizedException;

import java.util.List;

/**
 * 记民情日志 — what the worker found, where (WGS-84, from the phone), with photos stored before, and what to
 * do with it. A report needs a place; closing on the spot also a small-matter category and a note of what
 * was done.
 *
 * @param requestId the phone's id for this finding: sending it again records nothing new
 */
public record RecordFinding(String text, @Nullable Double lat, @Nullable Double lon, List<String> photoIds,
                            FindingOutcome outcome, @Nullable String categoryCode, @Nullable String note, String requestId) {

    public static final int MAX_TEXT = 4000;

    public RecordFinding {
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
        if (text == null || text.isBlank()) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "text");
        }
        if (text.length() > MAX_TEXT) {
            throw LocalizedException.badRequest("fieldwork.error.findingTextTooLong", MAX_TEXT);
        }
        if (outcome == null) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "outcome");
        }
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "requestId");
        }
        if ((lat == null) != (lon == null) || lat != null && (!LonLat.isLatitude(lat) || !LonLat.isLongitude(lon))) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "lat/lon");
        }
        if (outcome != FindingOutcome.LOGGED && lat == null) {
            throw LocalizedException.badRequest("fieldwork.error.findingField", "lat/lon");
        }
    }
}
