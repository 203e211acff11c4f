package org.yiwang.catalog.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.LimitUnit;
import org.yiwang.catalog.ResolvedTimeLimit;
import org.yiwang.catalog.SetTimeLimit;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.TimeLimit;
import org.yiwang.catalog.TimeLimitRule;
import org.yiwang.catalog.TimeLimits;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Time limits: the table for staff, changes for administrators, and which limit applies to a case. */
@RestController
@RequestMapping("/api/catalog/time-limits")
class TimeLimitController {

    private final TimeLimits timeLimits;
    private final WorkingCalendar calendar;

    TimeLimitController(TimeLimits timeLimits, WorkingCalendar calendar) {
        this.timeLimits = timeLimits;
        this.calendar = calendar;
    }

    @GetMapping
    List<RuleJson> rules() {
        Access.staff();
        return timeLimits.rules().stream().map(RuleJson::of).toList();
    }

    /** Sets the limit of a (scope, urgency, stage), adding the row if it is new. */
    @PutMapping
    RuleJson set(@RequestBody RuleInput input) {
        Actor actor = Access.admin();
        String scope = input.scope() == null ? "" : input.scope().strip().toUpperCase(Locale.ROOT);
        if (TimeLimitRule.specificityOf(scope) == null) {
            throw LocalizedException.badRequest("catalog.timeLimit.scopeInvalid", String.valueOf(input.scope()));
        }
        Urgency urgency = Access.required("urgency", input.urgency(), Urgency.class, Urgency::parse);
        Stage stage = Access.required("stage", input.stage(), Stage.class, Stage::parse);
        LimitUnit unit = Access.required("unit", input.unit(), LimitUnit.class, LimitUnit::parse);
        if (input.amount() == null || input.amount() < 1 || input.amount() > TimeLimit.MAX_AMOUNT) {
            throw LocalizedException.badRequest("catalog.timeLimit.amountInvalid", TimeLimit.MAX_AMOUNT);
        }
        if (input.note() != null && input.note().strip().length() > SetTimeLimit.MAX_NOTE_LENGTH) {
            throw LocalizedException.badRequest("catalog.timeLimit.noteTooLong", SetTimeLimit.MAX_NOTE_LENGTH);
        }
        return RuleJson.of(timeLimits.set(new SetTimeLimit(scope, urgency, stage, new TimeLimit(input.amount(), unit), input.note()), actor));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        Access.admin();
        timeLimits.remove(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * The limit that applies, the row it comes from and why; with {@code start} (ISO, with offset or in
     * China Standard Time) also the deadline on the working calendar.
     */
    @GetMapping("/resolve")
    Resolved resolve(@RequestParam String category, @RequestParam(defaultValue = "NORMAL") String urgency,
                     @RequestParam String stage, @RequestParam(required = false) String start) {
        Access.staff();
        ResolvedTimeLimit resolved = timeLimits.resolve(category,
                Access.required("urgency", urgency, Urgency.class, Urgency::parse),
                Access.required("stage", stage, Stage.class, Stage::parse));
        Instant from = start == null || start.isBlank() ? null : Access.instant("start", start);
        Instant due = from == null ? null : calendar.due(from, resolved.limit());
        return new Resolved(resolved.categoryCode(), resolved.urgency(), resolved.stage(), resolved.limit().amount(),
                resolved.limit().unit(), resolved.rule().id(), resolved.rule().key(), resolved.rule().scope(),
                resolved.matchedBy(), resolved.explanation(), from, due);
    }

    record RuleInput(String scope, String urgency, String stage, Integer amount, String unit, String note) {
    }

    record RuleJson(long id, String key, String scope, String specificity, Urgency urgency, Stage stage, int amount,
                    LimitUnit unit, String note, String updatedBy, Instant updatedAt) {

        static RuleJson of(TimeLimitRule r) {
            return new RuleJson(r.id(), r.key(), r.scope(), r.specificity().name(), r.urgency(), r.stage(), r.limit().amount(),
                    r.limit().unit(), r.note(), r.updatedBy(), r.updatedAt());
        }
    }

    /**
     * @param ruleId id of the row that applies
     * @param matchedBy whether the row is for the category, its major class or everything ({@code *})
     */
    record Resolved(String category, Urgency urgency, Stage stage, int amount, LimitUnit unit, long ruleId, String ruleKey,
                    String scope, TimeLimitRule.Specificity matchedBy, String explanation, Instant start, Instant due) {
    }
}
