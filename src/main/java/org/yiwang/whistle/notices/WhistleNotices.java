package org.yiwang.whistle.notices;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.notify.Channel;
import org.yiwang.notify.Notice;
import org.yiwang.notify.Notifications;
import org.yiwang.people.OrgUnit;
import org.yiwang.people.Organization;
import org.yiwang.people.People;
import org.yiwang.people.UserSummary;
import org.yiwang.platform.Role;
import org.yiwang.whistle.Summons;
import org.yiwang.whistle.WhistleEvent;
import org.yiwang.whistle.WhistleKind;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the people concerned what happened to a whistle: the handlers of the summoned departments when
 * it is blown (by SMS too for an emergency), withdrawn or closed; the street's dispatchers (and whoever
 * blew) when a department answers; both sides when a department is overdue. Runs after commit from the
 * durable outbox; a redelivered event is not delivered twice (one dedup key per whistle, step and department).
 */
@Component
class WhistleNotices {

    static final int MAX_REASON = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

    private final Notifications notifications;
    private final People people;
    private final Organization organization;

    WhistleNotices(Notifications notifications, People people, Organization organization) {
        this.notifications = notifications;
        this.people = people;
        this.organization = organization;
    }

    @ApplicationModuleListener
    void on(WhistleEvent.WhistleBlown e) {
        Set<Long> to = handlersOf(e.departmentIds());
        Set<Channel> channels = e.kind() == WhistleKind.EMERGENCY ? Set.of(Channel.INBOX, Channel.SMS) : Set.of(Channel.INBOX);
        send(to, e.actorUserId(), "whistle.notice.blown." + e.kind().name(),
                List.of(e.number(), e.orderNumber(), e.actorName(), abbreviate(e.reason()), time(e.dueAt())),
                e, channels, "blown");
    }

    @ApplicationModuleListener
    void on(WhistleEvent.DepartmentReportedIn e) {
        String key = e.response() == Summons.State.NOT_OUR_DUTY ? "whistle.notice.notOurDuty"
                : e.late() ? "whistle.notice.reportedInLate" : "whistle.notice.reportedIn";
        send(street(e, e.blownByUserId()), e.actorUserId(), key, List.of(e.departmentName(), e.number(), e.orderNumber()),
                e, Set.of(Channel.INBOX), "answered:" + e.departmentId());
    }

    @ApplicationModuleListener
    void on(WhistleEvent.DepartmentOverdue e) {
        Set<Long> to = handlersOf(List.of(e.departmentId()));
        to.addAll(street(e, e.blownByUserId()));
        send(to, 0, "whistle.notice.overdue", List.of(e.number(), e.orderNumber(), e.departmentName(), time(e.dueAt())),
                e, Set.of(Channel.INBOX, Channel.SMS), "overdue:" + e.departmentId());
    }

    @ApplicationModuleListener
    void on(WhistleEvent.WhistleCancelled e) {
        send(handlersOf(e.releasedDepartmentIds()), e.actorUserId(), "whistle.notice.cancelled",
                List.of(e.number(), e.orderNumber(), abbreviate(e.reason())), e, Set.of(Channel.INBOX), "cancelled");
    }

    @ApplicationModuleListener
    void on(WhistleEvent.WhistleClosed e) {
        send(handlersOf(e.answeredDepartmentIds()), e.actorUserId(), "whistle.notice.closed." + e.outcome().name(),
                List.of(e.number(), e.orderNumber()), e, Set.of(Channel.INBOX), "closed");
    }

    private void send(Set<Long> recipients, long actorUserId, String key, List<String> args, WhistleEvent e,
                      Set<Channel> channels, String step) {
        recipients.remove(actorUserId);
        recipients.removeIf(id -> id == null || id <= 0);
        if (recipients.isEmpty()) {
            return;
        }
        notifications.notify(new Notice(recipients, key, args, "/whistles/" + e.whistleId(), channels,
                "whistle:" + e.whistleId() + ":" + step));
    }

    /** The handlers of the departments (处置人员), who must turn up. */
    private Set<Long> handlersOf(Collection<Long> departmentIds) {
        Set<Long> ids = new LinkedHashSet<>();
        for (long department : departmentIds) {
            people.membersOf(department, Role.HANDLER).stream().map(UserSummary::id).forEach(ids::add);
        }
        return ids;
    }

    /** The street's command centre: its dispatchers, and whoever blew the whistle (maybe from the district). */
    private Set<Long> street(WhistleEvent e, long blownBy) {
        Set<Long> ids = new LinkedHashSet<>();
        organization.officeOf(e.streetCode()).map(OrgUnit::id)
                .ifPresent(office -> people.membersOf(office, Role.DISPATCHER).stream().map(UserSummary::id).forEach(ids::add));
        ids.add(blownBy);
        return ids;
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
