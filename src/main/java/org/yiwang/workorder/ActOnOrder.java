package org.yiwang.workorder;

import org.yiwang.catalog.Urgency;

import java.time.Instant;
import java.util.List;

/**
 * The details an action may need. Which fields matter depends on the action: {@code note} is the
 * reason for return, rework, void, suspend, extension; {@code categoryCode}/{@code urgency} for
 * register; {@code orgUnitId}/{@code assistOrgUnitIds} to dispatch elsewhere than routing suggests;
 * {@code until} for an extension request; {@code satisfaction} for evaluate; {@code masterOrderId}
 * for merge; {@code version} (optional) guards against acting on a stale view; {@code dutyItem} is the duty-list
 * item a unit's 退单 cites; {@code assists} are the co-handlers' parts and limits when dispatching or ruling
 * (主办/协办), and for 仲裁裁定 {@code orgUnitId} is the lead unit ruled responsible; for accepting or rejecting a
 * co-handler's 退单 {@code orgUnitId} names that co-handler (optional when only one waits).
 */
public record ActOnOrder(String note, List<String> photoIds, String categoryCode, Urgency urgency, Long orgUnitId,
                         List<Long> assistOrgUnitIds, Instant until, Satisfaction satisfaction, Long masterOrderId,
                         Integer version, String dutyItem, List<AssistTerms> assists) {

    /** The longest note an action takes (the screens allow 500 to 1,000). */
    public static final int MAX_NOTE = 2000;

    public ActOnOrder {
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
        assistOrgUnitIds = List.copyOf(assistOrgUnitIds == null ? List.of() : assistOrgUnitIds);
        assists = List.copyOf(assists == null ? List.of() : assists);
    }

    /** The details of an action that neither sends back nor names co-handlers' parts. */
    public ActOnOrder(String note, List<String> photoIds, String categoryCode, Urgency urgency, Long orgUnitId,
                      List<Long> assistOrgUnitIds, Instant until, Satisfaction satisfaction, Long masterOrderId, Integer version) {
        this(note, photoIds, categoryCode, urgency, orgUnitId, assistOrgUnitIds, until, satisfaction, masterOrderId, version, null, List.of());
    }

    public static ActOnOrder note(String note) {
        return new ActOnOrder(note, List.of(), null, null, null, List.of(), null, null, null, null, null, List.of());
    }
}
