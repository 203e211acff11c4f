package org.yiwang.cogov.volunteer;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/** The read models and commands of volunteering; commands check themselves and name the field they refuse. */
public final class Volunteering {

    private static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");

    private Volunteering() {
    }

    /** A volunteer (志愿者), name and phone masked. */
    public record Volunteer(long id, long userId, String communityCode, String name, @Nullable String phone, @Nullable String skills,
                            boolean redTeam, int points, int minutesServed) {
    }

    /** An activity (志愿服务活动) with its places taken. */
    public record VolunteerActivity(long id, String communityCode, String title, String description, String place, Instant startsAt,
                           Instant endsAt, int capacity, int signedUp, int points, boolean redTeam, @Nullable Instant closedAt) {
    }

    /** A volunteer's place on an activity. */
    public record ActivitySignup(long activityId, long volunteerId, String name, Instant signedUpAt, @Nullable Instant signedInAt,
                         @Nullable Integer minutes) {
    }

    /** One change of points. */
    public record PointsEntry(int delta, int balance, String reason, Instant at) {
    }

    /** 登记志愿者 (by staff, for a user; or a resident for themselves). */
    public record Register(String communityCode, @Nullable String phone, @Nullable String skills, boolean redTeam) {
        public Register {
            if (communityCode == null || !COMMUNITY.matcher(communityCode.strip()).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", String.valueOf(communityCode));
            }
            communityCode = communityCode.strip();
            phone = phone == null || phone.isBlank() ? null : phone.strip();
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "phone", phone);
            }
            skills = skills == null || skills.isBlank() ? null : limit(skills.strip(), "skills", 200);
        }
    }

    /** 发布活动. */
    public record NewActivity(String communityCode, String title, String description, String place, LocalDateTime startsAt,
                              LocalDateTime endsAt, Integer capacity, Integer points, boolean redTeam) {
        public NewActivity {
            if (communityCode == null || !COMMUNITY.matcher(communityCode.strip()).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", String.valueOf(communityCode));
            }
            communityCode = communityCode.strip();
            title = required(title, "title", 100);
            description = required(description, "description", 2000);
            place = required(place, "place", 200);
            if (startsAt == null) {
                throw LocalizedException.badRequest("cogov.error.required", "startsAt");
            }
            if (endsAt == null || !endsAt.isAfter(startsAt)) {
                throw LocalizedException.badRequest("cogov.volunteer.error.endsBeforeStart", "endsAt");
            }
            if (capacity == null || capacity < 1 || capacity > 10_000) {
                throw LocalizedException.badRequest("cogov.error.invalid", "capacity", String.valueOf(capacity));
            }
            if (points == null || points < 0 || points > 1000) {
                throw LocalizedException.badRequest("cogov.error.invalid", "points", String.valueOf(points));
            }
        }
    }

    /** 积分兑换: points for something (an item or service of the points shop). */
    public record Redeem(Integer points, String item) {
        public Redeem {
            if (points == null || points < 1 || points > 100_000) {
                throw LocalizedException.badRequest("cogov.error.invalid", "points", String.valueOf(points));
            }
            item = required(item, "item", 100);
        }
    }

    static String required(@Nullable String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        return limit(v, field, max);
    }

    static String limit(String v, String field, int max) {
        if (v.length() > max) {
            throw LocalizedException.badRequest("cogov.error.tooLong", field, max);
        }
        return v;
    }
}
