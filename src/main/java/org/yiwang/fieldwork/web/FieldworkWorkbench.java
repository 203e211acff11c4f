package org.yiwang.fieldwork.web;

import org.springframework.stereotype.Component;
import org.yiwang.fieldwork.FieldworkProperties;
import org.yiwang.fieldwork.PatrolDay;
import org.yiwang.fieldwork.Patrols;
import org.yiwang.fieldwork.WorkerFigures;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.platform.WorkbenchCard.Tone;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Field work on the 工作台: a grid worker sees today's time inside the own grids against the daily target; the
 * community's staff and a street's command centre see how many of their grid workers met it today.
 */
@Component
class FieldworkWorkbench implements WorkbenchCard.Source {

    private final Patrols patrols;
    private final WorkerFigures figures;
    private final FieldworkProperties properties;
    private final Clock clock;

    FieldworkWorkbench(Patrols patrols, WorkerFigures figures, FieldworkProperties properties, Clock clock) {
        this.patrols = patrols;
        this.figures = figures;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<WorkbenchCard> cards = new ArrayList<>();
        if (actor.has(Role.GRID_WORKER)) {
            Duration inGrid = patrols.days(actor, today, today).stream().map(PatrolDay::inGrid).reduce(Duration.ZERO, Duration::plus);
            boolean met = inGrid.compareTo(properties.dailyTarget()) >= 0;
            cards.add(new WorkbenchCard("fieldwork.workbench.inGridToday", hours(inGrid) + " / " + hours(properties.dailyTarget()),
                    "/m/patrol", met ? Tone.GOOD : Tone.WARN, 20));
        }
        if (actor.hasAny(Role.COMMUNITY_STAFF, Role.DISPATCHER) && !actor.scope().citywide()
                && actor.scope().divisionPrefixes().size() == 1) {
            String area = actor.scope().divisionPrefixes().iterator().next();
            List<WorkerFigures.Figures> workers = figures.of(area, today, today);
            long met = workers.stream().filter(w -> w.daysMet() > 0).count();
            cards.add(new WorkbenchCard("fieldwork.workbench.workersMetToday", met + " / " + workers.size(), null,
                    workers.isEmpty() || met == workers.size() ? Tone.GOOD : Tone.NORMAL, 21));
        }
        return cards;
    }

    /** 1:05 — hours and minutes, the same in both languages. */
    static String hours(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toHours(), d.toMinutesPart());
    }
}
