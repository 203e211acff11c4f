package org.yiwang.enforcement.web;

import org.springframework.stereotype.Component;
import org.yiwang.enforcement.Cases;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Role;
import org.yiwang.platform.WorkbenchCard;

import java.util.List;

/** The open enforcement cases of the reader (command centre: its street; an officer: its department's) on the 工作台. */
@Component
class EnforcementWorkbench implements WorkbenchCard.Source {

    private final Cases cases;

    EnforcementWorkbench(Cases cases) {
        this.cases = cases;
    }

    @Override
    public List<WorkbenchCard> cardsFor(Actor actor) {
        if (!actor.hasAny(Role.DISPATCHER, Role.HANDLER)) {
            return List.of();
        }
        long open = cases.list(new Cases.Filter(null, true, null), 0, actor).totalElements();
        return List.of(WorkbenchCard.count("enforcement.workbench.open", open, "/enforcement/cases", WorkbenchCard.Tone.WARN, 40));
    }
}
