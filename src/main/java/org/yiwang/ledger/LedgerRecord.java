package org.yiwang.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One fact to be chained: something of kind {@code kind} happened to subject {@code subjectId} of
 * stream {@code stream} (e.g. work order {@code WO-2025-000042} was {@code DISPATCHED}), at
 * {@code at}, done by user {@code actorUserId} (0 = the system), in the division {@code districtCode};
 * {@code canonical} holds the facts as canonical JSON ({@link Canonical#json}).
 *
 * @param stream       lowercase name of the kind of subject, e.g. {@code workorder}: {@code [a-z][a-z0-9_.-]{0,63}}
 * @param subjectId    the subject's id within the stream: letters, digits and {@code _.:-}, at most 128
 * @param districtCode the most specific division code known (district, street, community — 2 to 12
 *                     digits) or a 15-character grid code; data scopes are checked against it by prefix
 * @param kind         what happened, e.g. {@code DISPATCHED}: {@code [A-Za-z][A-Za-z0-9_.-]{0,63}}
 * @param at           when it happened; kept to the microsecond, as PostgreSQL stores it
 * @param canonical    a canonical JSON object of at most 1 MiB characters
 */
public record LedgerRecord(String stream, String subjectId, String districtCode, String kind, Instant at,
                           long actorUserId, String canonical) {

    static final int MAX_CANONICAL_LENGTH = 1 << 20;

    private static final Pattern STREAM = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Pattern DISTRICT = Pattern.compile("[0-9]{2,12}|[0-9]{12}[0-9A-Z]{3}");
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public LedgerRecord {
        require(STREAM, stream, "stream");
        require(SUBJECT, subjectId, "subjectId");
        require(DISTRICT, districtCode, "districtCode");
        require(KIND, kind, "kind");
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new IllegalArgumentException("at must lie between the years 1900 and 9999: " + at);
        }
        if (actorUserId < 0) {
            throw new IllegalArgumentException("actorUserId must be a user id or 0 for the system: " + actorUserId);
        }
        if (canonical == null || canonical.length() > MAX_CANONICAL_LENGTH) {
            throw new IllegalArgumentException("canonical is required and at most " + MAX_CANONICAL_LENGTH + " characters");
        }
        if (!Canonical.isCanonical(canonical)) {
            throw new IllegalArgumentException("canonical must be a JSON object written by Canonical.json "
                    + "(sorted keys, no whitespace): " + abbreviate(canonical));
        }
    }

    /** A record whose facts are written as canonical JSON for the caller. */
    public static LedgerRecord of(String stream, String subjectId, String districtCode, String kind, Instant at,
                                  long actorUserId, Map<String, ?> facts) {
        return new LedgerRecord(stream, subjectId, districtCode, kind, at, actorUserId, Canonical.json(facts));
    }

    private static void require(Pattern pattern, String value, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + pattern.pattern() + ": "
                    + (value == null ? "null" : abbreviate(value)));
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
