package org.yiwang.enforcement.web;

import org.springframework.stereotype.Component;
import org.yiwang.enforcement.Cases;
import org.yiwang.fieldwork.Finding;
import org.yiwang.fieldwork.FindingAction;
import org.yiwang.platform.Actor;

import java.util.Optional;

/**
 * 转执法 on a patrol finding's page: to a worker who may open a case from their finding, the case form prefilled from
 * it; once a case is open, a link to that case instead. Findings without a place are not offered (a case needs a grid).
 */
@Component
class FindingCases implements FindingAction {

    private final Cases cases;

    FindingCases(Cases cases) {
        this.cases = cases;
    }

    @Override
    public Optional<Link> link(Finding finding, Actor reader) {
        if (!cases.mayOpenFromFinding(reader) || finding.lat() == null || finding.lon() == null) {
            return Optional.empty();
        }
        return Optional.of(cases.openedFromFinding(finding.id())
                .map(c -> new Link("finding-enforcement-case", "enforcement.finding.viewCase", "/m/enforcement/cases/" + c.id()))
                .orElseGet(() -> new Link("finding-enforce", "enforcement.finding.open", "/m/enforcement/from-finding/" + finding.id())));
    }
}
