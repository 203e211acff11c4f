package org.yiwang.workorder.web.mobile;

import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Category;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.GridSummary;
import org.yiwang.geo.Grids;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.geo.LonLat;
import org.yiwang.geo.Location;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import org.yiwang.workorder.CategorySuggester;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Supporters;
import org.yiwang.workorder.WorkOrderQueries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 随手拍 — report a problem from the phone: photos from the camera, the phone's position on a
 * draggable pin (or a typed address), a category from a searchable tree or none, a description; then
 * the receipt with the tracking number. Grid workers use the same form on patrol and may close a
 * small matter on the spot (即发即处). Everything goes through {@link Intake}.
 */
@Controller
@RequestMapping("/m")
class ReportPageController {

    static final int MAX_PHOTOS = 9;
    /** Fewer characters than this say too little to suggest a category. */
    static final int MIN_SUGGESTION_TEXT = 4;
    /** Outlines are sent for views up to about 5 km across; a wider view shows none. */
    static final double MAX_OUTLINE_SPAN_DEGREES = 0.05;

    private final Intake intake;
    private final PhotoStore photos;
    private final WorkOrderQueries queries;
    private final Catalog catalog;
    private final GridLocator locator;
    private final Grids grids;
    private final AddressLocator addresses;
    private final OrderViews views;
    private final MessageSource messages;
    private final ObjectProvider<CategorySuggester> suggesters;
    private final Supporters supporters;

    ReportPageController(Supporters supporters, Intake intake, PhotoStore photos, WorkOrderQueries queries, Catalog catalog, GridLocator locator,
                         Grids grids, AddressLocator addresses, OrderViews views, MessageSource messages,
                         ObjectProvider<CategorySuggester> suggesters) {
        this.suggesters = suggesters;
        this.supporters = supporters;
        this.intake = intake;
        this.photos = photos;
        this.queries = queries;
        this.catalog = catalog;
        this.locator = locator;
        this.grids = grids;
        this.addresses = addresses;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    String start() {
        Actor actor = Actors.require();
        return actor.has(Role.GRID_WORKER) ? "redirect:/m/grid" : "redirect:/m/report";
    }

    @GetMapping("/report")
    String form(Model model) {
        Actor actor = Actors.require();
        return page(model, actor, ReportForm.blank());
    }

    @PostMapping("/report")
    String submit(@ModelAttribute("form") ReportForm form, BindingResult binding,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> files,
                  Model model, HttpServletResponse response) {
        Actor actor = Actors.require();
        try {
            if (binding.hasFieldErrors("lat") || binding.hasFieldErrors("lon")) {
                throw LocalizedException.badRequest("mobile.error.locationInvalid");
            }
            storePhotos(form, files, actor);
            locateByAddressIfNeeded(form);
            ReportProblem problem = new ReportProblem(form.getDescription(), form.getCategoryCode(), form.getLat(), form.getLon(),
                    "wgs84", form.getAddress(), null, null, null, null, form.getPhotoIds(), form.getRequestId());
            IntakeResult result = form.isCloseOnSpot() && actor.has(Role.GRID_WORKER)
                    ? intake.reportClosedOnSpot(problem, form.getSpotNote(), actor)
                    : intake.report(problem, actor);
            return "redirect:/m/reports/" + result.order().id() + "/receipt";
        } catch (LocalizedException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
            model.addAttribute("errorField", fieldOf(e.messageKey()));
            if (form.getCategoryCode() != null && !form.getCategoryCode().isBlank()) {
                form.setCategoryName(catalog.find(form.getCategoryCode().strip()).map(Category::name).orElse(form.getCategoryCode()));
            }
            return page(model, actor, form);
        }
    }

    private String page(Model model, Actor actor, ReportForm form) {
        model.addAttribute("form", form);
        model.addAttribute("maxPhotos", MAX_PHOTOS);
        model.addAttribute("center", center(actor, form));
        return "workorder/mobile/report";
    }

    /** The categories matching the search, by kind and major class (an htmx fragment). */
    @GetMapping("/report/categories")
    String categories(@RequestParam(required = false) String q, Model model) {
        Actors.require();
        String query = q == null ? "" : q.strip();
        if (query.length() > 50) {
            query = query.substring(0, 50);
        }
        model.addAttribute("tree", catalog.tree(query, false));
        model.addAttribute("q", query);
        return "workorder/mobile/report :: categories";
    }

    /** A category the sorter suggests for the description typed so far, for the form's one-tap choice. */
    record SuggestedCategory(String code, String name, int percent, String evidence) {
    }

    /**
     * 智能推荐 — the sorter's top three categories for the description typed so far, with their
     * confidence and the words that led to them (an htmx fragment; empty below a few characters).
     */
    @GetMapping("/report/suggestions")
    String suggestions(@RequestParam(required = false) String description, Model model) {
        Actors.require();
        String text = description == null ? "" : description.strip();
        List<SuggestedCategory> found = new java.util.ArrayList<>();
        CategorySuggester suggester = suggesters.getIfAvailable();
        if (suggester != null && text.codePointCount(0, text.length()) >= MIN_SUGGESTION_TEXT) {
            String limited = text.length() > ReportProblem.MAX_DESCRIPTION ? text.substring(0, ReportProblem.MAX_DESCRIPTION) : text;
            for (CategorySuggester.Suggestion s : suggester.suggest(limited, 3)) {
                catalog.find(s.categoryCode()).filter(Category::enabled).ifPresent(c -> found.add(new SuggestedCategory(c.code(),
                        c.name(), (int) Math.round(s.confidence() * 100), String.join("、", s.evidence()))));
            }
        }
        model.addAttribute("suggestions", found);
        return "workorder/mobile/report :: suggestions";
    }

    /** An open report near the pin, as the form shows it: the category by name, the status in words. */
    record NearbyReport(long id, String number, String category, String statusKey, String description, int metres,
                        int residentsAffected, boolean mine, boolean supported) {
    }

    /**
     * 已有人反映 — the open reports near the pin (in the chosen category, if any), so that the resident can add 附议 or
     * follow one instead of filing a duplicate (an htmx fragment; empty while the pin is not placed).
     */
    @GetMapping("/report/nearby")
    String nearby(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                  @RequestParam(required = false) String categoryCode, Model model) {
        Actor actor = Actors.require();
        List<NearbyReport> found = new ArrayList<>();
        if (lat != null && lon != null && LonLat.isLatitude(lat) && LonLat.isLongitude(lon)) {
            for (Supporters.Nearby n : supporters.nearbyOpen(lat, lon, categoryCode, actor)) {
                String category = n.categoryCode() == null ? null : catalog.find(n.categoryCode()).map(Category::name).orElse(n.categoryCode());
                found.add(new NearbyReport(n.id(), n.number(), category, "workorder.status." + n.status(), n.description(), n.metres(),
                        n.residentsAffected(), n.mine(), n.supported()));
            }
        }
        model.addAttribute("nearby", found);
        return "workorder/mobile/report :: nearby";
    }

    /** 附议 from the report form: once per resident; the answer replaces the report's button (an htmx fragment). */
    @PostMapping("/reports/{id}/support")
    String support(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        try {
            Supporters.Support s = supporters.support(id, actor);
            model.addAttribute("supported", s);
        } catch (LocalizedException e) {
            model.addAttribute("supportError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        }
        return "workorder/mobile/report :: supported";
    }

    /** Where the pin is, in words (an htmx fragment). */
    @GetMapping("/report/where")
    String where(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon, Model model) {
        Actors.require();
        Optional<Location> location = lat == null || lon == null || !LonLat.isLatitude(lat) || !LonLat.isLongitude(lon)
                ? Optional.empty() : locator.locate(new LonLat(lon, lat));
        model.addAttribute("located", lat != null && lon != null);
        model.addAttribute("location", location.orElse(null));
        return "workorder/mobile/report :: where";
    }

    /** The typed-address fallback: a point inside the grid, community or street the address names. */
    @GetMapping("/report/locate")
    @ResponseBody
    Located locate(@RequestParam(required = false) String address) {
        Actors.require();
        Optional<AddressLocator.Found> found = addresses.locate(address);
        return found.map(f -> new Located(true, f.lat(), f.lon(), f.label())).orElseGet(() -> new Located(false, null, null, null));
    }

    /** Where a typed address is: a point inside the grid, community or street it names, if any. */
    @Schema(name = "ReportPageLocated")
    record Located(boolean found, Double lat, Double lon, String label) {
    }

    /** A grid's outline for the report page's map: rings of [lon, lat] pairs. */
    @Schema(name = "ReportPageGridOutline")
    record Outline(String code, String name, String kind, List<List<double[]>> rings) {
    }

    /** Grid outlines in a map view, so that an offline map still shows where things are. */
    @GetMapping("/report/grids")
    @ResponseBody
    List<Outline> outlines(@RequestParam double south, @RequestParam double west,
                           @RequestParam double north, @RequestParam double east) {
        Actors.require();
        if (!(north > south && east > west) || north - south > MAX_OUTLINE_SPAN_DEGREES || east - west > MAX_OUTLINE_SPAN_DEGREES * 1.5) {
            return List.of();
        }
        Envelope view = new Envelope(west, east, south, north);
        List<Outline> found = new ArrayList<>();
        for (IndexedGrid grid : locator.index().grids()) {
            if (grid.geometry().getEnvelopeInternal().intersects(view)) {
                found.add(new Outline(grid.code(), grid.grid().name(), grid.kind().name(), GridOutlines.rings(grid.geometry())));
            }
        }
        return found;
    }

    @GetMapping("/reports/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("order", views.detail(queries.detail(id, actor)));
        return "workorder/mobile/receipt";
    }

    private void storePhotos(ReportForm form, List<MultipartFile> files, Actor actor) {
        List<MultipartFile> fresh = files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (form.getPhotoIds().size() + fresh.size() > MAX_PHOTOS) {
            throw LocalizedException.badRequest("mobile.error.tooManyPhotos", MAX_PHOTOS);
        }
        List<String> ids = new ArrayList<>(form.getPhotoIds().stream().filter(id -> photos.find(id).isPresent()).distinct().toList());
        try {
            for (MultipartFile file : fresh) {
                String id = photos.store(file.getBytes(), actor.userId()).id();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // photos stored before a refusal come back with the form: the reporter need not take them again
            form.setPhotoIds(ids);
        }
    }

    private void locateByAddressIfNeeded(ReportForm form) {
        if (form.getLat() != null && form.getLon() != null) {
            return;
        }
        if (form.getAddress() == null || form.getAddress().isBlank()) {
            throw LocalizedException.badRequest("mobile.error.locationMissing");
        }
        AddressLocator.Found found = addresses.locate(form.getAddress())
                .orElseThrow(() -> LocalizedException.badRequest("mobile.error.addressNotFound", form.getAddress().strip()));
        form.setLat(found.lat());
        form.setLon(found.lon());
    }

    /** Where the map opens: the form's point, else the grid worker's grid, else the middle of the territory. */
    private double[] center(Actor actor, ReportForm form) {
        if (form.getLat() != null && form.getLon() != null) {
            return new double[]{form.getLat(), form.getLon()};
        }
        if (actor.has(Role.GRID_WORKER)) {
            for (GridSummary mine : grids.gridsOf(actor.userId())) {
                Optional<IndexedGrid> grid = locator.grid(mine.code());
                if (grid.isPresent()) {
                    Point p = grid.get().geometry().getInteriorPoint();
                    return new double[]{p.getY(), p.getX()};
                }
            }
        }
        Envelope bounds = locator.index().bounds();
        return bounds == null ? new double[]{32.02, 118.79} : new double[]{bounds.centre().y, bounds.centre().x};
    }

    /** Which form field a refusal is about, so that the page can point at it. */
    static String fieldOf(String key) {
        return switch (key) {
            case "workorder.error.descriptionRequired", "workorder.error.descriptionTooLong" -> "description";
            case "workorder.error.locationRequired", "workorder.error.latOutOfRange", "workorder.error.lonOutOfRange",
                 "workorder.error.outsideGrids", "workorder.error.crs", "mobile.error.locationInvalid",
                 "mobile.error.locationMissing", "mobile.error.addressNotFound" -> "location";
            case "workorder.error.unknownCategory", "workorder.error.categoryRequired", "workorder.error.notSmallMatter" -> "category";
            case "workorder.error.photoEmpty", "workorder.error.photoTooLarge", "workorder.error.photoType",
                 "workorder.error.photoUnknown", "mobile.error.tooManyPhotos" -> "photos";
            case "workorder.error.addressTooLong" -> "address";
            case "workorder.error.noteRequired" -> "spotNote";
            default -> "";
        };
    }
}
