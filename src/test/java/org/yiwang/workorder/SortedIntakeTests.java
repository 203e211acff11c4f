package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.people.People;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seam for the sorter: a confident suggestion categorises and routes the report at once, a weak
 * one leaves it for a dispatcher with the suggestions in its history. The suggester here is a fixed
 * test double for the seam only; the real classifier is tested in the sorter module.
 */
@SpringBootTest(properties = "yiwang.workorder.auto-category-confidence=0.8")
@AutoConfigureMockMvc
class SortedIntakeTests {

    @TestConfiguration
    static class KeywordSuggester {
        @Bean
        CategorySuggester suggester() {
            return (text, limit) -> text.contains("井盖")
                    ? List.of(new CategorySuggester.Suggestion("C01002", 0.93, List.of("井盖")),
                              new CategorySuggester.Suggestion("C01001", 0.05, List.of()))
                    : List.of(new CategorySuggester.Suggestion("M09015", 0.41, List.of("占道")));
        }
    }

    @Autowired Intake intake;
    @Autowired WorkOrderQueries queries;
    @Autowired People people;
    @Autowired Grids grids;
    @Autowired GridLocator locator;

    ReportProblem report(String text) {
        long worker = people.findByUsername("gridworker").orElseThrow().id();
        IndexedGrid grid = locator.grid(grids.gridsOf(worker).getFirst().code()).orElseThrow();
        Point p = grid.geometry().getInteriorPoint();
        return new ReportProblem(text, null, p.getY(), p.getX(), null, null, Source.RESIDENT, null, null, null, List.of(), null);
    }

    @Test
    void aConfidentSuggestionCategorisesAndRoutesTheReport() {
        IntakeResult result = intake.report(report("小区门口污水井盖破了"), people.actorOf("resident").orElseThrow());
        assertThat(result.order().categoryCode()).isEqualTo("C01002");
        assertThat(result.routing().reasons()).extracting(r -> r.rule()).contains("SORTER");
        assertThat(result.history().getFirst().details().get("suggestions").toString()).contains("C01002 0.930 井盖");
    }

    @Test
    void aWeakSuggestionLeavesTheReportForADispatcherWithTheSuggestionsShown() {
        IntakeResult result = intake.report(report("门口有人摆摊"), people.actorOf("resident").orElseThrow());
        assertThat(result.order().categoryCode()).isNull();
        assertThat(result.order().status()).isEqualTo(WorkOrderStatus.REPORTED);
        assertThat(result.history().getFirst().details().get("suggestions").toString()).contains("M09015 0.410");
    }
}
