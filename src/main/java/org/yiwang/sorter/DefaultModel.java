package org.yiwang.sorter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yiwang.people.DepartmentType;
import org.yiwang.platform.Csv;
import org.yiwang.sorter.classifier.TextClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * 默认分拣模型 — the model the sorter answers with from the first start, while no model learnt from local history
 * is active: built by {@code sorter build-default} from labelled 12345-style letters whose labels are government
 * sectors (城乡建设, 交通运输 …), not urban-management categories. Each sector is mapped, as data
 * ({@code sorter/sectors.csv}), to the department type that handles it and to the category a report is filed under
 * when the confidence is high enough. Loaded once at start from {@code yiwang.sorter.default-model}; when there is no
 * such file the sorter falls back to the catalog keywords.
 */
@Component
class DefaultModel {

    private static final Logger log = LoggerFactory.getLogger(DefaultModel.class);

    /** One sector of the default model and what it means on this platform. */
    record Sector(String name, String nameEn, DepartmentType departmentType, String defaultCategory) {
    }

    /** A sector suggestion: the sector, its department type, the category it files under, how sure. */
    record SectorSuggestion(Sector sector, double confidence, List<String> evidence) {
    }

    /** A loaded default model with its sectors. */
    record Loaded(TextClassifier classifier, String location, Map<String, Sector> sectors) {

        /**
         * Sector suggestions, best first, only of sectors the mapping knows and whose category {@code allowed}
         * accepts (an unknown or disabled category is not suggested).
         */
        List<SectorSuggestion> suggest(String text, int limit, int evidenceWords, Predicate<String> allowed) {
            List<SectorSuggestion> found = new ArrayList<>();
            for (TextClassifier.Prediction p : classifier.predict(text, classifier.labels().size(), evidenceWords)) {
                Sector sector = sectors.get(p.label());
                if (sector != null && allowed.test(sector.defaultCategory())) {
                    found.add(new SectorSuggestion(sector, Double.isNaN(p.probability()) ? 0 : Math.max(0, Math.min(1, p.probability())),
                            p.evidence()));
                }
                if (found.size() == limit) {
                    break;
                }
            }
            return List.copyOf(found);
        }
    }

    private final Optional<Loaded> loaded;

    DefaultModel(SorterProperties properties) {
        this.loaded = load(properties.defaultModel(), properties.sectors(), new DefaultResourceLoader());
    }

    Optional<Loaded> get() {
        return loaded;
    }

    /** The model at {@code location} ("classpath:…" or a file path), or none when there is nothing there. */
    static Optional<Loaded> load(String location, String sectorsLocation, ResourceLoader loader) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        Resource resource = loader.getResource(location.strip());
        if (!resource.exists()) {
            log.info("No default sorter model at {}: until a model is learnt from local history, suggestions come from catalog keywords",
                    location);
            return Optional.empty();
        }
        long start = System.nanoTime();
        TextClassifier classifier;
        try (InputStream in = resource.getInputStream()) {
            classifier = TextClassifier.fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default sorter model at " + location, e);
        }
        Map<String, Sector> sectors = sectors(loader.getResource(sectorsLocation.strip()));
        List<String> unmapped = classifier.labels().stream().filter(l -> !sectors.containsKey(l)).toList();
        if (!unmapped.isEmpty()) {
            log.warn("The default sorter model's labels {} are not in {}: they are never suggested", unmapped, sectorsLocation);
        }
        log.info("Default sorter model {}: {} sectors, {} features (loaded in {} ms)", location, classifier.labels().size(),
                classifier.featureCount(), (System.nanoTime() - start) / 1_000_000);
        return Optional.of(new Loaded(classifier, location, sectors));
    }

    /** {@code sector,sector_en,department_type,default_category}; {@code #} lines are comments. */
    static Map<String, Sector> sectors(Resource resource) {
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sector mapping " + resource, e);
        }
        Map<String, Sector> sectors = new LinkedHashMap<>();
        boolean header = true;
        for (Csv.Row row : Csv.read(text, true)) {
            if (header) {
                header = false;
                continue;
            }
            if (row.malformed() || row.fields().size() != 4) {
                throw new IllegalStateException(resource + ":" + row.line() + ": expected sector,sector_en,department_type,default_category");
            }
            List<String> f = row.fields().stream().map(String::strip).toList();
            DepartmentType type;
            try {
                type = DepartmentType.valueOf(f.get(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ":" + row.line() + ": unknown department type " + f.get(2));
            }
            sectors.put(f.get(0), new Sector(f.get(0), f.get(1), type, f.get(3).toUpperCase(Locale.ROOT)));
        }
        return Map.copyOf(sectors);
    }
}
