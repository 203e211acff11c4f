package org.yiwang.services.web;

import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;
import org.yiwang.services.ApplicationStatus;
import org.yiwang.services.Applications;
import org.yiwang.services.Reviews;
import org.yiwang.services.ServiceFigures;
import org.yiwang.services.TrafficLight;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** On the 工作台 of window staff: 待受理, red-light applications, open 整改; for leaders the 满意率 and community share. */
@Component
class ServicesWorkbench implements WorkbenchCard.Source {

    private final Applications applications;
    private final Reviews reviews;
    private final ServiceFigures figures;

    ServicesWorkbench(Applications applications, Reviews reviews, ServiceFigures figures) {
        this.applications = applications;
        this.reviews = reviews;
        this.figures = figures;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        List<WorkbenchCard> cards = new ArrayList<>();
        if (applications.isClerk(actor)) {
            long waiting = applications.desk(EnumSet.of(ApplicationStatus.SUBMITTED), 500, actor).size();
            long red = applications.desk(ApplicationStatus.OPEN, 500, actor).stream().filter(s -> s.light() == TrafficLight.RED).count();
            cards.add(WorkbenchCard.count("services.card.waiting", waiting, "/services/desk", WorkbenchCard.Tone.WARN, 40));
            cards.add(WorkbenchCard.count("services.card.red", red, "/services/desk?tab=ACCEPTED", WorkbenchCard.Tone.ALERT, 41));
            cards.add(WorkbenchCard.count("services.card.reviews", reviews.list(true, actor).size(), "/services/desk#reviews",
                    WorkbenchCard.Tone.ALERT, 42));
        }
        if (actor.hasAny(Role.LEADER, Role.DISPATCHER)) {
            ServiceFigures.ServiceFigureSet f = figures.figures(null, null, actor);
            cards.add(new WorkbenchCard("services.card.satisfaction", f.rated() == 0 ? "—" : percent(f.satisfactionRate()), "/services/desk",
                    WorkbenchCard.Tone.NORMAL, 43));
            cards.add(new WorkbenchCard("services.card.communityShare", f.approved() == 0 ? "—" : percent(f.communityShare()), "/services/desk",
                    WorkbenchCard.Tone.NORMAL, 44));
        }
        return cards;
    }

    private static String percent(double rate) {
        return String.format("%.1f %%", rate * 100);
    }
}
