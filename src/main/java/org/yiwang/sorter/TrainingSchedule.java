package org.yiwang.sorter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

/**
 * Trains a new model on {@code yiwang.sorter.training.cron} (nightly by default); one node at a time
 * (the training's advisory lock), skipped quietly while the history is too small. Until the first model exists it
 * also tries every 10 minutes, so that an installation (or the demo, with its generated history) learns from its
 * own orders as soon as there are enough, not on the next night.
 */
@Component
@ConditionalOnBooleanProperty(name = "yiwang.sorter.training.scheduled", matchIfMissing = true)
class TrainingSchedule {

    private static final Logger log = LoggerFactory.getLogger(TrainingSchedule.class);

    private final SorterModels models;

    /** Package-private for the tests, which run without the schedule. */
    TrainingSchedule(SorterModels models) {
        this.models = models;
    }

    @Scheduled(initialDelayString = "${yiwang.sorter.training.first-delay:2m}", fixedDelayString = "10m")
    void firstModel() {
        if (!models.list().isEmpty()) {
            return;
        }
        try {
            models.train(SorterModels.Trigger.SCHEDULE, Actor.system());
        } catch (LocalizedException e) {
            log.debug("No first sorter model yet: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Training the first sorter model failed; it is tried again in 10 minutes", e);
        }
    }

    @Scheduled(cron = "${yiwang.sorter.training.cron:0 30 2 * * *}")
    void train() {
        try {
            models.train(SorterModels.Trigger.SCHEDULE, Actor.system());
        } catch (LocalizedException e) {
            log.info("Scheduled sorter training skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Scheduled sorter training failed; the next one tries again", e);
        }
    }
}
