package org.yiwang.workorder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts the orders intake created, by source, for Prometheus: {@code yiwang_intake_orders_total{source="RESIDENT"}}.
 * Replays of an earlier request (same idempotency key) are not counted; nothing is counted without a meter registry.
 */
@Component
class IntakeCounts {

    private final Map<Source, Counter> created = new EnumMap<>(Source.class);

    IntakeCounts(ObjectProvider<MeterRegistry> registry) {
        registry.ifAvailable(meters -> {
            for (Source source : Source.values()) {
                created.put(source, Counter.builder("yiwang.intake.orders").description("Work orders created by intake")
                        .tag("source", source.name()).register(meters));
            }
        });
    }

    IntakeResult counted(IntakeResult result) {
        if (result != null && !result.replayed()) {
            Counter counter = created.get(result.order().source());
            if (counter != null) {
                counter.increment();
            }
        }
        return result;
    }
}
