package org.yiwang.cogov.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cogov.mediation.DisputeClass;
import org.yiwang.cogov.mediation.MediationCase;
import org.yiwang.cogov.mediation.MediationCommands;
import org.yiwang.cogov.mediation.MediationStatus;
import org.yiwang.cogov.mediation.Mediations;
import org.yiwang.cogov.mediation.RiskLevel;
import org.yiwang.platform.Actors;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** 矛盾纠纷调解 API: cases of the reader's territory, opening one (from an order or directly) and every action. */
@RestController
@RequestMapping("/api/cogov/mediation")
@Tag(name = "Co-governance")
class MediationApi {

    private final Mediations mediations;

    MediationApi(Mediations mediations) {
        this.mediations = mediations;
    }

    /** A case to open: {@code orderId} (a dispute reported as an order) or {@code communityCode}. */
    record MediationOpenInput(@Nullable Long orderId, @Nullable String communityCode, @Nullable DisputeClass disputeClass,
                     @Nullable String summary, @Nullable RiskLevel risk, @Nullable List<MediationCommands.NewParty> parties,
                     @Nullable String requestId) {
    }

    record MediatorInput(@Nullable Long mediatorUserId) {
    }

    @GetMapping
    List<MediationCase> list(@RequestParam(required = false) @Nullable Set<MediationStatus> status) {
        return mediations.list(status == null ? EnumSet.noneOf(MediationStatus.class) : status, Actors.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MediationCase open(@RequestBody MediationOpenInput in) {
        return mediations.open(new MediationCommands.Open(in.orderId(), in.communityCode(), in.disputeClass(), in.summary(), in.risk(),
                in.parties(), in.requestId()), Actors.require());
    }

    @GetMapping("/{id}")
    MediationCase.MediationDetail detail(@PathVariable long id) {
        return mediations.detail(id, Actors.require());
    }

    @PostMapping("/{id}/mediator")
    MediationCase assign(@PathVariable long id, @RequestBody MediatorInput in) {
        if (in.mediatorUserId() == null) {
            throw org.yiwang.platform.LocalizedException.badRequest("cogov.error.required", "mediatorUserId");
        }
        return mediations.assign(id, in.mediatorUserId(), Actors.require());
    }

    @PostMapping("/{id}/parties")
    MediationCase addParty(@PathVariable long id, @RequestBody MediationCommands.NewParty party) {
        return mediations.addParty(id, party, Actors.require());
    }

    @PostMapping("/{id}/sessions")
    MediationCase recordSession(@PathVariable long id, @RequestBody MediationCommands.RecordSession session) {
        return mediations.recordSession(id, session, Actors.require());
    }

    @PostMapping("/{id}/risk")
    MediationCase assessRisk(@PathVariable long id, @RequestBody MediationCommands.AssessRisk risk) {
        return mediations.assessRisk(id, risk, Actors.require());
    }

    @PostMapping("/{id}/agreement")
    MediationCase agree(@PathVariable long id, @RequestBody MediationCommands.Agree agree) {
        return mediations.agree(id, agree, Actors.require());
    }

    @PostMapping("/{id}/referral")
    MediationCase refer(@PathVariable long id, @RequestBody MediationCommands.Refer refer) {
        return mediations.refer(id, refer, Actors.require());
    }

    @PostMapping("/{id}/withdrawal")
    MediationCase withdraw(@PathVariable long id, @RequestBody MediationCommands.MediationNote note) {
        return mediations.withdraw(id, note, Actors.require());
    }

    @PostMapping("/{id}/visits")
    MediationCase scheduleVisit(@PathVariable long id, @RequestBody MediationCommands.ScheduleVisit visit) {
        return mediations.scheduleVisit(id, visit, Actors.require());
    }

    @PostMapping("/{id}/visits/{visitId}")
    MediationCase recordVisit(@PathVariable long id, @PathVariable long visitId, @RequestBody MediationCommands.MediationNote note) {
        return mediations.recordVisit(id, new MediationCommands.RecordVisit(visitId, note.note()), Actors.require());
    }

    @PostMapping("/{id}/closure")
    MediationCase close(@PathVariable long id, @RequestBody MediationCommands.MediationNote note) {
        return mediations.close(id, note, Actors.require());
    }
}
