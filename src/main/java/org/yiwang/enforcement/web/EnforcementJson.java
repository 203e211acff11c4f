package org.yiwang.enforcement.web;

import org.jspecify.annotations.Nullable;
import org.yiwang.enforcement.CaseAction;
import org.yiwang.enforcement.CaseFile;
import org.yiwang.enforcement.CorrectionNotice;
import org.yiwang.enforcement.EnforcementCase;
import org.yiwang.enforcement.EnforcementItem;
import org.yiwang.enforcement.HistoryEntry;
import org.yiwang.enforcement.Inspection;
import org.yiwang.enforcement.Party;
import org.yiwang.enforcement.Stage;
import org.yiwang.enforcement.Summons;
import org.yiwang.platform.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON of enforcement cases: summaries, the case file (parties masked), the requests. */
final class EnforcementJson {

    private EnforcementJson() {
    }

    record Summary(long id, String number, String streetCode, @Nullable String gridCode, String scenario, String source,
                   @Nullable Long orderId, String title, String address, Stage stage, String leadDepartment, Instant createdAt) {
        static Summary of(EnforcementCase c) {
            return new Summary(c.id(), c.number(), c.streetCode(), c.gridCode(), c.scenarioCode(), c.source().name(), c.orderId(),
                    c.title(), c.address(), c.stage(), c.leadDepartmentName(), c.createdAt());
        }
    }

    record SummonsJson(long departmentId, String department, Instant summonedAt, Instant dueAt, @Nullable Instant arrivedAt,
                       @Nullable Instant escalatedAt, Summons.Light light) {
    }

    record PartyJson(String kind, String name, @Nullable String phone, @Nullable String reference) {
        static PartyJson of(Party p) {
            return new PartyJson(p.kind().name(), PersonalData.maskName(p.name()), PersonalData.maskPhone(p.phone()), p.reference());
        }
    }

    record ItemJson(String code, String matter, String department, String group, String legalBasis, String penaltyRange, boolean active) {
        static ItemJson of(EnforcementItem i) {
            return new ItemJson(i.code(), i.matter(), i.department().name(), i.department().group(), i.legalBasis(), i.penaltyRange(),
                    i.active());
        }
    }

    record NoticeJson(String number, Instant issuedAt, String issuedBy, LocalDate rectifyBy, String requirement, String pdf) {
    }

    record HistoryJson(Instant at, String actor, String action, @Nullable Stage from, Stage to, @Nullable String note) {
        static HistoryJson of(HistoryEntry h) {
            return new HistoryJson(h.at(), h.actorName(), h.action(), h.from(), h.to(),
                    h.note() == null ? null : PersonalData.maskText(h.note()));
        }
    }

    record Detail(Summary summary, List<String> checklist, List<SummonsJson> summons, List<Inspection> inspections,
                  List<PartyJson> parties, List<ItemJson> items, @Nullable NoticeJson notice, @Nullable String transferredTo,
                  @Nullable String decision, @Nullable LocalDate reinspectDue, @Nullable Boolean reinspectionPassed,
                  List<HistoryJson> history, List<CaseAction> allowedActions) {

        static Detail of(CaseFile f, Instant now) {
            EnforcementCase c = f.enforcementCase();
            CorrectionNotice n = f.notice();
            return new Detail(Summary.of(c), f.scenario().checklist(),
                    f.summons().stream().map(s -> new SummonsJson(s.departmentId(), s.departmentName(), s.summonedAt(), s.dueAt(),
                            s.arrivedAt(), s.escalatedAt(), s.light(now))).toList(),
                    f.inspections().stream().map(i -> new Inspection(i.id(), i.at(), i.byName(), i.passed(), i.failed(),
                            PersonalData.maskText(i.findings()), i.photoIds())).toList(),
                    f.parties().stream().map(PartyJson::of).toList(), f.items().stream().map(ItemJson::of).toList(),
                    n == null ? null : new NoticeJson(n.number(), n.issuedAt(), n.issuedByName(), n.rectifyBy(), n.requirement(),
                            "/api/enforcement/cases/" + c.id() + "/notice.pdf"),
                    c.transferredTo(), c.decision(), c.reinspectDue(), c.reinspectionPassed(),
                    f.history().stream().map(HistoryJson::of).toList(), List.copyOf(f.allowed()));
        }
    }

    record OpenRequest(@Nullable String source, @Nullable Long orderId, @Nullable Long patrolId, @Nullable Long findingId,
                       @Nullable String gridCode, @Nullable String scenario, @Nullable String title, @Nullable String address,
                       @Nullable String requestKey) {
    }

    record SummonRequest(@Nullable List<Long> departmentIds) {
    }

    record NoteRequest(@Nullable String note) {
    }

    record PartyRequest(@Nullable String kind, @Nullable String name, @Nullable String phone, @Nullable String reference) {
    }

    record InspectionRequest(@Nullable List<String> passed, @Nullable List<String> failed, @Nullable String findings,
                             @Nullable List<PartyRequest> parties, @Nullable List<String> itemCodes, @Nullable List<String> photoIds,
                             @Nullable String requestKey) {
    }

    record NoticeRequest(@Nullable LocalDate rectifyBy, @Nullable String requirement) {
    }

    record DecisionRequest(@Nullable String decision) {
    }

    record ScheduleRequest(@Nullable LocalDate due) {
    }

    record ReinspectionRequest(@Nullable Boolean passed, @Nullable String note) {
    }

    record TransferRequest(@Nullable String agency, @Nullable String reason) {
    }

    record ItemRequest(@Nullable String matter, @Nullable String department, @Nullable String legalBasis, @Nullable String penaltyRange,
                       @Nullable Boolean active) {
    }
}
