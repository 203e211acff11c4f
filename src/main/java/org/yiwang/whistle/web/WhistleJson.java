package org.yiwang.whistle.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.platform.Actor;
import org.yiwang.platform.PageView;
import org.yiwang.platform.PersonalData;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.Whistle;
import org.yiwang.whistle.WhistleQueries;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shape of whistles: codes with labels in the reader's language, times with the +08:00 offset. */
@Component
class WhistleJson {

    private final WhistleQueries queries;
    private final MessageSource messages;
    private final Clock clock;

    WhistleJson(WhistleQueries queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.clock = clock;
    }

    record OrderRef(long id, String number) {
    }

    record Person(long id, String name) {
    }

    record Unit(Long id, String name) {
    }

    record SummonsView(long departmentId, String name, String state, String stateLabel, OffsetDateTime dueAt,
                       boolean overdue, OffsetDateTime respondedAt, Person respondedBy, String note, List<String> photoIds,
                       boolean late, OffsetDateTime remindedAt) {
    }

    record WhistleView(long id, String number, int version, OrderRef order, String kind, String kindLabel, String status,
                       String statusLabel, String reason, String districtCode, String streetCode, Unit commandCentre,
                       Person blownBy, OffsetDateTime blownAt, String reportLimit, String reportLimitLabel,
                       OffsetDateTime dueAt, boolean overdue, String outcome, String outcomeLabel, String outcomeNote,
                       String cancelReason, Person finishedBy, OffsetDateTime finishedAt, List<SummonsView> departments,
                       List<String> allowedActions) {
    }

    WhistleView view(Whistle w, Actor reader) {
        Instant now = clock.instant();
        List<SummonsView> departments = w.summons().stream().map(s -> summons(s, now)).toList();
        return new WhistleView(w.id(), w.number(), w.version(), new OrderRef(w.orderId(), w.orderNumber()),
                w.kind().name(), label("whistle.kind." + w.kind().name()), w.status().name(),
                label("whistle.status." + w.status().name()), PersonalData.maskText(w.reason()), w.districtCode(), w.streetCode(),
                new Unit(w.commandUnitId(), w.commandUnitName()), new Person(w.blownBy(), w.blownByName()), time(w.blownAt()),
                w.reportLimit().amount() + " " + w.reportLimit().unit().name(),
                label("whistle.limit." + w.reportLimit().unit().name(), w.reportLimit().amount()), time(w.dueAt()),
                w.isOverdue(now), w.outcome() == null ? null : w.outcome().name(),
                w.outcome() == null ? null : label("whistle.outcome." + w.outcome().name()), PersonalData.maskText(w.outcomeNote()),
                PersonalData.maskText(w.cancelReason()), w.finishedBy() == null ? null : new Person(w.finishedBy(), w.finishedByName()),
                time(w.finishedAt()), departments, queries.allowedActions(w, reader));
    }

    PageView<WhistleView> page(WhistleQueries.Page page, Actor reader) {
        return PageView.of(page.content().stream().map(w -> view(w, reader)).toList(), page.page(), page.size(),
                page.totalElements());
    }

    private SummonsView summons(Summons s, Instant now) {
        return new SummonsView(s.departmentId(), s.departmentName(), s.state().name(), label("whistle.summons." + s.state().name()),
                time(s.dueAt()), s.isOverdue(now), time(s.respondedAt()),
                s.respondedBy() == null ? null : new Person(s.respondedBy(), s.respondedByName()), s.note(), s.photoIds(),
                s.late(), time(s.remindedAt()));
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, WorkingCalendar.ZONE);
    }
}
