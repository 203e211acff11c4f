package org.yiwang.cogov.mediation;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 调解案件 — a dispute brought to a community's mediators, as read: its facts, outcome and (masked) parties.
 *
 * @param orderId the work order it came from, if any
 */
public record MediationCase(long id, String number, @Nullable Long orderId, @Nullable String orderNumber, String streetCode,
                            String communityCode, DisputeClass disputeClass, String summary, MediationStatus status,
                            RiskLevel risk, boolean petitionRisk, boolean criminalRisk, @Nullable Instant escalatedAt,
                            @Nullable Long mediatorUserId, @Nullable String mediatorName, @Nullable String agreement,
                            @Nullable Boolean judicialConfirmation, @Nullable Referral referral, @Nullable String referralReason,
                            Instant createdAt, Instant updatedAt, @Nullable Instant endedAt) {

    /** A party, with name and phone masked (张*, 139****5678). */
    public record MediationParty(long id, PartyRole role, String name, @Nullable String phone, @Nullable String note) {
    }

    /** A session held. */
    public record MediationSession(long id, Instant heldAt, @Nullable String place, String note, String recordedBy) {
    }

    /** A follow-up visit (回访) due on a day, done or not. */
    public record MediationVisit(long id, LocalDate due, @Nullable Instant doneAt, @Nullable String doneBy, @Nullable String note,
                        boolean overdue) {
    }

    /** One step of the case's history. */
    public record MediationStep(String action, MediationStatus from, MediationStatus to, String actorName, Instant at, @Nullable String note) {
    }

    /** The case with everything it holds and what the reader may do next. */
    public record MediationDetail(MediationCase mediation, List<MediationParty> parties, List<MediationSession> sessions, List<MediationVisit> visits,
                         List<MediationStep> history, Set<MediationAction> allowedActions) {
    }
}
