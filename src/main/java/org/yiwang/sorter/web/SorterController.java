package org.yiwang.sorter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.Role;
import org.yiwang.sorter.DuplicateCandidate;
import org.yiwang.sorter.Duplicates;
import org.yiwang.sorter.Hotspot;
import org.yiwang.sorter.Hotspots;
import org.yiwang.sorter.ModelInfo;
import org.yiwang.sorter.Sorter;
import org.yiwang.sorter.SorterModels;
import org.yiwang.sorter.SorterSettings;
import org.yiwang.platform.LocalizedException;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The sorter's JSON API: suggestions for report forms and dispatchers, model versions for administrators,
 * likely duplicates and hot spots for the command centre.
 */
@RestController
@Tag(name = "Sorter", description = "智能分拣：类别建议、模型版本、疑似重复、热点")
class SorterController {

    private final Sorter sorter;
    private final SorterModels models;
    private final Duplicates duplicates;
    private final Hotspots hotspots;
    private final Catalog catalog;
    private final SorterSettings settings;

    SorterController(Sorter sorter, SorterModels models, Duplicates duplicates, Hotspots hotspots, Catalog catalog,
                     SorterSettings settings) {
        this.settings = settings;
        this.sorter = sorter;
        this.models = models;
        this.duplicates = duplicates;
        this.hotspots = hotspots;
        this.catalog = catalog;
    }

    /** A suggestion as the API shows it: the category's name beside its code. */
    record SuggestionJson(String categoryCode, String name, String majorClass, double confidence, List<String> evidence) {
    }

    /** What the suggest endpoint answers; {@code sectors} only from the default model (sector and department type). */
    record SuggestJson(String model, Integer version, List<SuggestionJson> suggestions, List<Sorter.SectorSuggestion> sectors) {
    }

    /** The body of a change of the sorter's settings: a number within (0, 1], or null for the configured default. */
    record SettingsBody(@Schema(type = "number", nullable = true, description = "within (0, 1]; null for the configured default")
                        JsonNode autoConfidence) {
    }

    /** The body of a POST to the suggest endpoint. */
    record SuggestBody(String text, Integer limit) {
    }

    /** The body of a decision on a likely duplicate. */
    record DecisionBody(String note) {
    }

    @Operation(summary = "Suggest categories for a text (分拣建议)",
            description = "Top categories with calibrated confidence (0..1) and the words that drove each.")
    @GetMapping("/api/sorter/suggest")
    SuggestJson suggest(@RequestParam(required = false) String text, @RequestParam(defaultValue = "3") int limit) {
        Actors.require();
        return json(sorter.sortChecked(text, limit));
    }

    @Operation(summary = "Suggest categories for a text (分拣建议), the text in a JSON body")
    @PostMapping(path = "/api/sorter/suggest", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuggestJson suggestPost(@RequestBody(required = false) SuggestBody body) {
        Actors.require();
        return json(sorter.sortChecked(body == null ? null : body.text(), body == null || body.limit() == null ? 3 : body.limit()));
    }

    private SuggestJson json(Sorter.Sorting sorting) {
        return new SuggestJson(sorting.model().name(), sorting.version(), sorting.suggestions().stream()
                .map(s -> {
                    Category category = catalog.find(s.categoryCode()).orElse(null);
                    return new SuggestionJson(s.categoryCode(), category == null ? null : category.name(),
                            category == null ? null : category.majorClass(), Math.round(s.confidence() * 1000) / 1000.0, s.evidence());
                })
                .toList(), sorting.sectors());
    }

    @Operation(summary = "The sorter's settings (ADMIN)",
            description = "autoConfidence: at or above it a report without a category is filed under the top suggestion.")
    @GetMapping("/api/sorter/settings")
    SorterSettings.Settings settings() {
        Actors.requireAny(Role.ADMIN);
        return settings.get();
    }

    @Operation(summary = "Change the sorter's settings (ADMIN)",
            description = "autoConfidence within (0, 1]; null goes back to yiwang.workorder.auto-category-confidence.")
    @PutMapping(path = "/api/sorter/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    SorterSettings.Settings changeSettings(@RequestBody(required = false) SettingsBody body) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        JsonNode value = body == null ? null : body.autoConfidence();
        String typed;
        if (value == null || value.isNull()) {
            typed = null;
        } else if (value.isNumber() || value.isString()) {
            typed = value.asString();
            if (typed.isBlank()) {
                throw LocalizedException.badRequest("sorter.error.autoConfidence", typed);
            }
        } else {
            throw LocalizedException.badRequest("sorter.error.autoConfidence", value.toString());
        }
        return settings.changeAutoConfidence(typed, admin);
    }

    @Operation(summary = "Model versions, newest first (ADMIN, LEADER)")
    @GetMapping("/api/sorter/models")
    List<ModelInfo> models() {
        Actors.requireAny(Role.ADMIN, Role.LEADER);
        return models.list();
    }

    @Operation(summary = "One model version (ADMIN, LEADER)")
    @GetMapping("/api/sorter/models/{version}")
    ModelInfo model(@PathVariable int version) {
        Actors.requireAny(Role.ADMIN, Role.LEADER);
        return models.get(version);
    }

    @Operation(summary = "Train a model now from closed orders and corrections (ADMIN)",
            description = "Activated at once when it does at least about as well as the active one (configurable).")
    @PostMapping("/api/sorter/models/train")
    @ResponseStatus(HttpStatus.CREATED)
    ModelInfo train() {
        Actor actor = Actors.requireAny(Role.ADMIN);
        return models.train(SorterModels.Trigger.ADMIN, actor);
    }

    @Operation(summary = "Activate a model version (ADMIN)")
    @PostMapping("/api/sorter/models/{version}/activate")
    ModelInfo activate(@PathVariable int version) {
        Actor actor = Actors.requireAny(Role.ADMIN);
        return models.activate(version, actor);
    }

    @Operation(summary = "Roll back to the model active before the current one (ADMIN)")
    @PostMapping("/api/sorter/models/rollback")
    ModelInfo rollback() {
        Actor actor = Actors.requireAny(Role.ADMIN);
        return models.rollback(actor);
    }

    @Operation(summary = "Likely duplicates of an order (疑似重复)", description = "Undecided ones unless all=true.")
    @GetMapping("/api/work-orders/{id}/duplicates")
    List<DuplicateCandidate> duplicates(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all) {
        return duplicates.of(id, all, Actors.require());
    }

    @Operation(summary = "Undecided likely duplicate pairs in the caller's territory, for the map (疑似重复)",
            description = "Both orders with where they were reported; newest first, at most limit (1–500).")
    @GetMapping("/api/sorter/duplicates")
    List<Duplicates.DuplicatePair> openDuplicates(@RequestParam(defaultValue = "200") int limit) {
        return duplicates.openPairs(limit, Actors.require());
    }

    @Operation(summary = "Merge the newer order of a likely duplicate into the older one (合并)")
    @PostMapping("/api/sorter/duplicates/{id}/merge")
    DuplicateCandidate merge(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return duplicates.merge(id, body == null ? null : body.note(), Actors.require());
    }

    @Operation(summary = "Keep the two orders of a likely duplicate apart")
    @PostMapping("/api/sorter/duplicates/{id}/keep-apart")
    DuplicateCandidate keepApart(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return duplicates.keepApart(id, body == null ? null : body.note(), Actors.require());
    }

    @Operation(summary = "Hot spots in the caller's territory (热点)", description = "Open ones unless all=true; with their orders.")
    @GetMapping("/api/sorter/hotspots")
    List<Hotspot> hotspots(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "50") int limit) {
        return hotspots.list(all, limit, Actors.require());
    }

    @Operation(summary = "One hot spot with its orders")
    @GetMapping("/api/sorter/hotspots/{id}")
    Hotspot hotspot(@PathVariable long id) {
        return hotspots.get(id, Actors.require());
    }
}
