package org.yiwang.sla;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.catalog.Stage;
import org.yiwang.catalog.Urgency;
import org.yiwang.intake.Channel;
import org.yiwang.intake.ExternalReport;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.Reception;
import org.yiwang.workorder.WorkOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A 12345 order keeps the hotline's own 办理时限 when it is earlier than the catalog's limit. */
@SlaSpringTest
class HotlineDeadlineTests {

    @Autowired ApplicationContext context;
    @Autowired Reception reception;

    SlaFixtures given;

    @BeforeEach
    void fixtures() {
        given = new SlaFixtures(context);
    }

    private WorkOrder fromTheHotline(Instant hotlineDue) {
        Point p = given.grid.geometry().getInteriorPoint();
        Receipt receipt = reception.receive(new ExternalReport(Channel.HOTLINE_12345, "R" + UUID.randomUUID().toString().substring(0, 12),
                given.clock.instant(), "贡院街井盖缺失，有人差点踩空", given.handlerCategory, null, Urgency.NORMAL, "张先生", "13900001111",
                "贡院街 12 号", null, p.getY(), p.getX(), "wgs84", null, null, hotlineDue, Map.of()), given.actor("admin"));
        assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.CREATED);
        return given.order(receipt.orderId());
    }

    @Test
    void aHotlineOrderKeepsTheHotlinesDeadlineWhenItIsEarlierThanTheCatalogs() {
        Instant hotlineDue = given.clock.instant().plus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
        WorkOrder order = fromTheHotline(hotlineDue);
        assertThat(order.stage()).isEqualTo(Stage.HANDLE);
        assertThat(order.externalDueAt()).isEqualTo(hotlineDue);
        assertThat(order.stageDueAt()).isEqualTo(hotlineDue);
        assertThat(order.stageRule()).startsWith("external-due");
        // and the clock goes red on the hotline's time, not the catalog's
        StageClock clock = given.awaitInStep(order.id());
        assertThat(clock.dueAt()).isEqualTo(hotlineDue);
    }

    @Test
    void aHotlineOrderKeepsTheCatalogsDeadlineWhenTheHotlinesIsLater() {
        WorkOrder catalogOnly = fromTheHotline(null);
        Instant catalogDue = catalogOnly.stageDueAt();
        WorkOrder order = fromTheHotline(catalogDue.plus(Duration.ofDays(30)));
        assertThat(order.stageDueAt()).isEqualTo(catalogDue);
        assertThat(order.stageRule()).doesNotStartWith("external-due");
    }
}
