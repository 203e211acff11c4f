package org.yiwang.cogov.council;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The commands of the councils, checked when made; a refusal names the field. */
public final class CouncilCommands {

    private static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private CouncilCommands() {
    }

    /** 成立议事会 in a community. */
    public record NewCouncil(String communityCode, String name) {
        public NewCouncil {
            if (communityCode == null || communityCode.isBlank()) {
                throw LocalizedException.badRequest("cogov.error.required", "communityCode");
            }
            communityCode = communityCode.strip();
            if (!COMMUNITY.matcher(communityCode).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", communityCode);
            }
            name = text(name, "name", 100);
        }
    }

    /** A member by username, with a title (理事长, 理事, 居民代表 …). */
    public record AddMember(String username, String title) {
        public AddMember {
            username = text(username, "username", 100);
            title = text(title, "title", 30);
        }
    }

    /** 提出议题; {@code requestId} makes a double submit one topic. */
    public record Propose(long councilId, String title, String body, @Nullable String requestId) {
        public Propose {
            title = text(title, "title", 100);
            body = text(body, "body", 2000);
            if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "requestId", requestId);
            }
        }
    }

    /** 决议事项: what, who owns it, by when. */
    public record Resolve(String text, String owner, LocalDate due) {
        public Resolve {
            text = CouncilCommands.text(text, "text", 1000);
            owner = CouncilCommands.text(owner, "owner", 100);
            if (due == null) {
                throw LocalizedException.badRequest("cogov.error.required", "due");
            }
        }
    }

    static String text(@Nullable String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        if (v.length() > max) {
            throw LocalizedException.badRequest("cogov.error.tooLong", field, max);
        }
        return v;
    }
}
