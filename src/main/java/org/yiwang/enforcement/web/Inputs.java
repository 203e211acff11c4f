package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.yiwang.enforcement.Department;
import org.yiwang.enforcement.EnforcementCase;
import org.yiwang.enforcement.EnforcementItem;
import org.yiwang.enforcement.OpenCase;
import org.yiwang.enforcement.Party;
import org.yiwang.enforcement.RecordInspection;
import org.yiwang.platform.LocalizedException;

import java.util.List;
import java.util.Locale;

/** Raw input (JSON or form) turned into the module's commands; an unknown name is refused with its field. */
final class Inputs {

    private Inputs() {
    }

    static <E extends Enum<E>> E parse(@Nullable String value, Class<E> type, String field) {
        if (value == null || value.isBlank()) {
            throw LocalizedException.badRequest("enforcement.error.required", field);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LocalizedException.badRequest("enforcement.error.unknown", field, value);
        }
    }

    static OpenCase open(EnforcementJson.OpenRequest r) {
        return new OpenCase(parse(r.source(), EnforcementCase.Source.class, "source"), r.orderId(), r.patrolId(), r.findingId(),
                r.gridCode(), r.scenario() == null ? "" : r.scenario(), r.title(), r.address(), r.requestKey());
    }

    static RecordInspection inspection(EnforcementJson.InspectionRequest r) {
        List<Party> parties = r.parties() == null ? List.of() : r.parties().stream()
                .map(p -> new Party(parse(p.kind(), Party.Kind.class, "parties.kind"), p.name() == null ? "" : p.name(), p.phone(),
                        p.reference())).toList();
        return new RecordInspection(r.passed(), r.failed(), r.findings() == null ? "" : r.findings(), parties, r.itemCodes(),
                r.photoIds(), r.requestKey());
    }

    static EnforcementItem item(String code, EnforcementJson.ItemRequest r) {
        return new EnforcementItem(code, r.matter() == null ? "" : r.matter(), parse(r.department(), Department.class, "department"),
                r.legalBasis() == null ? "" : r.legalBasis(), r.penaltyRange() == null ? "" : r.penaltyRange(),
                r.active() == null || r.active());
    }
}
