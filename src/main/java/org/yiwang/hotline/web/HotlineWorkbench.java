package org.yiwang.hotline.web;

import org.springframework.stereotype.Component;
import org.yiwang.hotline.Calls;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;

import java.util.List;
import java.util.Locale;

/** The command centre's 直接答复率: calls answered from the knowledge base over all calls taken at the desk. */
@Component
class HotlineWorkbench implements WorkbenchCard.Source {

    private final Calls calls;

    HotlineWorkbench(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            return List.of();
        }
        org.yiwang.hotline.CallFigures f = calls.figures(actor);
        String figure = String.format(Locale.ROOT, "%.0f%% (%d/%d)", f.directAnswerRate() * 100, f.directAnswers(), f.calls());
        return List.of(new WorkbenchCard("hotline.workbench.directAnswerRate", figure, "/hotline/knowledge", WorkbenchCard.Tone.NORMAL, 18));
    }
}
