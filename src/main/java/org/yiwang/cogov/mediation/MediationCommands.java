package org.yiwang.cogov.mediation;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

/** The commands of mediation, each checked when made; a refusal names the field. */
public final class MediationCommands {

    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 50;
    static final int MAX_PARTIES = 20;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");
    private static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private MediationCommands() {
    }

    /**
     * 受理: a case from a work order ({@code orderId}: its community, its text and, unless given, the dispute class its
     * category suggests) or directly in a community.
     *
     * @param requestId the client's id of this request: the same id twice opens one case
     */
    public record Open(@Nullable Long orderId, @Nullable String communityCode, @Nullable DisputeClass disputeClass, String summary,
                       RiskLevel risk, List<NewParty> parties, @Nullable String requestId) {
        public Open {
            if (orderId == null && communityCode == null) {
                throw LocalizedException.badRequest("cogov.error.required", "communityCode");
            }
            if (communityCode != null && !COMMUNITY.matcher(communityCode).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "communityCode", communityCode);
            }
            if (orderId == null) {
                required(disputeClass, "disputeClass");
            }
            summary = text(summary, "summary", MAX_TEXT, orderId == null);
            risk = risk == null ? RiskLevel.LOW : risk;
            parties = parties == null ? List.of() : List.copyOf(parties);
            if (parties.size() > MAX_PARTIES) {
                throw LocalizedException.badRequest("cogov.error.tooMany", "parties", MAX_PARTIES);
            }
            if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "requestId", requestId);
            }
        }
    }

    /** A party: side, name, phone (optional). */
    public record NewParty(PartyRole role, String name, @Nullable String phone, @Nullable String note) {
        public NewParty {
            required(role, "role");
            name = text(name, "name", MAX_NAME, true);
            phone = phone == null || phone.isBlank() ? null : phone.strip();
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw LocalizedException.badRequest("cogov.error.invalid", "phone", phone);
            }
            note = optional(note, "note", 500);
        }
    }

    /** 调解记录: when and where a session was held and what came of it. */
    public record RecordSession(LocalDateTime heldAt, @Nullable String place, String note) {
        public RecordSession {
            required(heldAt, "heldAt");
            place = optional(place, "place", 200);
            note = text(note, "note", MAX_TEXT, true);
        }
    }

    /** 风险研判. */
    public record AssessRisk(RiskLevel level, Boolean petitionRisk, Boolean criminalRisk, @Nullable String note) {
        public AssessRisk {
            required(level, "level");
            petitionRisk = Boolean.TRUE.equals(petitionRisk);
            criminalRisk = Boolean.TRUE.equals(criminalRisk);
            note = optional(note, "note", 500);
        }
    }

    /** 达成协议: the agreement, whether it goes to 司法确认, and the first follow-up visit. */
    public record Agree(String agreement, Boolean judicialConfirmation, @Nullable LocalDate visitDue) {
        public Agree {
            judicialConfirmation = Boolean.TRUE.equals(judicialConfirmation);
            agreement = text(agreement, "agreement", MAX_TEXT, true);
        }
    }

    /** 调解不成: where it goes and why. */
    public record Refer(Referral to, String reason) {
        public Refer {
            required(to, "to");
            reason = text(reason, "reason", MAX_TEXT, true);
        }
    }

    /** A note that is required (撤回, 结案). */
    public record MediationNote(String note) {
        public MediationNote {
            note = text(note, "note", MAX_TEXT, true);
        }
    }

    /** 安排回访 on a day. */
    public record ScheduleVisit(LocalDate due) {
        public ScheduleVisit {
            required(due, "due");
        }
    }

    /** 登记回访: the visit done, what was found. */
    public record RecordVisit(long visitId, String note) {
        public RecordVisit {
            note = text(note, "note", MAX_TEXT, true);
        }
    }

    static void required(@Nullable Object value, String field) {
        if (value == null) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
    }

    static String text(@Nullable String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() && required) {
            throw LocalizedException.badRequest("cogov.error.required", field);
        }
        if (v.length() > max) {
            throw LocalizedException.badRequest("cogov.error.tooLong", field, max);
        }
        return v;
    }

    static @Nullable String optional(@Nullable String value, String field, int max) {
        String v = text(value, field, max, false);
        return v.isEmpty() ? null : v;
    }
}
