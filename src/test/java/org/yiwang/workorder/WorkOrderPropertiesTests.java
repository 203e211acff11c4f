package org.yiwang.workorder;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module's settings bind from the keys README names, with the defaults the code had, and refuse nonsense. */
class WorkOrderPropertiesTests {

    static WorkOrderProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("yiwang.workorder", WorkOrderProperties.class);
    }

    @Test
    void withNothingSetTheDefaultsHold() {
        WorkOrderProperties settings = bind(Map.of());
        assertThat(settings.autoDispatch()).isTrue();
        assertThat(settings.autoCategoryConfidence()).isEqualTo(0.85);
        assertThat(settings.journal()).isEqualTo(new WorkOrderProperties.Journal(250, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofDays(1), true));
        assertThat(settings.photos()).isEqualTo(new WorkOrderProperties.Photos("", 10 * 1024 * 1024));
    }

    @Test
    void theDocumentedKeysBind() {
        WorkOrderProperties settings = bind(Map.of("yiwang.workorder.auto-dispatch", "false",
                "yiwang.workorder.journal.batch-size", "50", "yiwang.workorder.journal.poll-interval", "250ms",
                "yiwang.workorder.photos.max-bytes", "1024"));
        assertThat(settings.autoDispatch()).isFalse();
        assertThat(settings.journal().batchSize()).isEqualTo(50);
        assertThat(settings.journal().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.photos().maxBytes()).isEqualTo(1024);
    }

    @Test
    void aBatchSizeBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("yiwang.workorder.journal.batch-size", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("batch-size");
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("yiwang.workorder.auto-category-confidence", "1.5")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("auto-category-confidence");
    }

    @Test
    void theCoHandlingLimitsDefaultToTwoWorkingHoursAndOneWorkingDayAndBind() {
        assertThat(bind(Map.of()).coHandling().limits()).isEqualTo(CoHandlingLimits.DEFAULT);
        WorkOrderProperties settings = bind(Map.of("yiwang.workorder.co-handling.return-window-hours", "4",
                "yiwang.workorder.co-handling.arbitration-days", "2"));
        assertThat(settings.coHandling().limits()).isEqualTo(new CoHandlingLimits(org.yiwang.catalog.TimeLimit.workingHours(4),
                org.yiwang.catalog.TimeLimit.workingDays(2)));
        assertThatThrownBy(() -> bind(Map.of("yiwang.workorder.co-handling.return-window-hours", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("return-window-hours");
    }
}
