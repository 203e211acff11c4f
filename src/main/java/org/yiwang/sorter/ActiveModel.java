package org.yiwang.sorter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryChanged;
import org.yiwang.sorter.classifier.TextClassifier;

import java.util.Optional;

/**
 * The models this node answers with: the active trained model, read from the database when another one
 * becomes active (here or, found by a periodic look, on another node), and the catalog keyword model,
 * rebuilt when categories change.
 */
@Component
class ActiveModel {

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);

    record Trained(int version, TextClassifier classifier) {
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final SorterProperties properties;
    private volatile Trained trained;
    private volatile KeywordModel keywords;

    ActiveModel(JdbcClient jdbc, Catalog catalog, SorterProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.properties = properties;
    }

    Optional<Trained> trained() {
        return Optional.ofNullable(trained);
    }

    KeywordModel keywords() {
        KeywordModel model = keywords;
        if (model == null) {
            model = rebuildKeywords();
        }
        return model;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CategoryChanged changed) {
        rebuildKeywords();
    }

    synchronized KeywordModel rebuildKeywords() {
        keywords = new KeywordModel(catalog.categories(), properties.keywordMaxConfidence());
        return keywords;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${yiwang.sorter.refresh-interval:30s}")
    void refreshOnSchedule() {
        try {
            refresh();
            rebuildKeywords();
        } catch (RuntimeException e) {
            log.warn("Could not look for the active sorter model; trying again later: {}", e.toString());
        }
    }

    /** Loads the active model if it is not the one held; forgets it when none is active. */
    synchronized void refresh() {
        Optional<Integer> active = jdbc.sql("SELECT version FROM sorter_model WHERE status = 'ACTIVE'").query(Integer.class).optional();
        if (active.isEmpty()) {
            if (trained != null) {
                log.info("No sorter model is active any more: suggesting from catalog keywords");
            }
            trained = null;
            return;
        }
        if (trained != null && trained.version() == active.get()) {
            return;
        }
        byte[] weights = jdbc.sql("SELECT weights FROM sorter_model WHERE version = :v").param("v", active.get())
                .query(byte[].class).single();
        long start = System.nanoTime();
        TextClassifier classifier = TextClassifier.fromBytes(weights);
        trained = new Trained(active.get(), classifier);
        log.info("Sorter model {} active: {} categories, {} features (loaded in {} ms)", active.get(), classifier.labels().size(),
                classifier.featureCount(), (System.nanoTime() - start) / 1_000_000);
    }
}
