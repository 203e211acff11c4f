package org.yiwang.whistle;

import org.yiwang.platform.LocalizedException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by the commands; every refusal names the field. */
final class Input {

    /** Enough for a reason or a report, small enough for SMS excerpts and the ledger. */
    static final int MAX_TEXT = 2_000;
    static final int MAX_PHOTOS = 9;

    private static final Pattern PHOTO_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private Input() {
    }

    /** The stripped text; 400 naming {@code field} when it is missing, blank or too long. */
    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LocalizedException.badRequest("whistle.error.required", field);
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            throw LocalizedException.badRequest("whistle.error.tooLong", field, MAX_TEXT);
        }
        return text;
    }

    static List<String> photoIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_PHOTOS) {
            throw LocalizedException.badRequest("whistle.error.tooManyPhotos", MAX_PHOTOS);
        }
        List<String> clean = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id == null || !PHOTO_ID.matcher(id.strip()).matches()) {
                throw LocalizedException.badRequest("whistle.error.photoId", String.valueOf(id));
            }
            if (!clean.contains(id.strip())) {
                clean.add(id.strip());
            }
        }
        return List.copyOf(clean);
    }
}
