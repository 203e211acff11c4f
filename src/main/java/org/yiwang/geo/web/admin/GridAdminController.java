package org.yiwang.geo.web.admin;

import org.yiwang.platform.YiwangProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.geo.CoordinateSystem;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.DivisionNode;
import org.yiwang.geo.Divisions;
import org.yiwang.geo.GridImports;
import org.yiwang.geo.GridKind;
import org.yiwang.geo.GridPage;
import org.yiwang.geo.GridQuery;
import org.yiwang.geo.Grids;
import org.yiwang.geo.ImportOptions;
import org.yiwang.geo.ImportProblem;
import org.yiwang.geo.ImportReport;
import org.yiwang.geo.internal.GeoJsonFeatures;
import org.yiwang.geo.internal.GeoJsonWriter;
import org.yiwang.geo.internal.ParsedFeature;
import org.yiwang.geo.internal.ParsedFile;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 网格管理 — the administrator's grids: a list of the grids in their scope with filters, and the
 * GeoJSON import: a dry run first that shows the validation report (each problem with its feature,
 * code and reason) and the file's grids on a map, then the import of exactly the checked file.
 */
@Controller
class GridAdminController {

    static final int PAGE_SIZE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Grids grids;
    private final Divisions divisions;
    private final GridImports imports;
    private final GridImportDrafts drafts;
    private final MessageSource messages;
    private final String tileUrl;

    GridAdminController(Grids grids, Divisions divisions, GridImports imports, GridImportDrafts drafts, MessageSource messages,
                        YiwangProperties settings) {
        this.grids = grids;
        this.divisions = divisions;
        this.imports = imports;
        this.drafts = drafts;
        this.messages = messages;
        this.tileUrl = settings.map().tileUrl();
    }

    /** A problem of the report as the table shows it. */
    record Problem(Integer feature, String code, boolean error, String reason, Double lon, Double lat) {
    }

    @GetMapping("/admin/grids")
    String list(@RequestParam(required = false) String street, @RequestParam(required = false) String community,
                @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        page(admin, street, community, kind, page, model);
        return "geo/admin/grids";
    }

    /** 试导入 — validates the file, changes nothing, and keeps an accepted file for the import. */
    @PostMapping("/admin/grids/import/check")
    String check(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String crs, Model model,
                 HttpServletResponse response) throws IOException {
        Actor admin = Actors.requireAny(Role.ADMIN);
        CoordinateSystem coordinates = coordinates(crs);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("importError", label("admin.grids.fileRequired"));
            page(admin, null, null, null, 0, model);
            return "geo/admin/grids";
        }
        byte[] bytes = file.getBytes();
        ImportReport report = imports.importGeoJson(bytes, new ImportOptions(true, coordinates), admin.scope());
        if (report.accepted()) {
            model.addAttribute("token", drafts.keep(bytes, admin.userId()));
        } else {
            response.setStatus(422);
        }
        show(report, bytes, coordinates, file.getOriginalFilename(), model);
        page(admin, null, null, null, 0, model);
        return "geo/admin/grids";
    }

    /** 导入 — imports the file that passed the dry run under this token. */
    @PostMapping("/admin/grids/import/apply")
    String apply(@RequestParam(required = false) String token, @RequestParam(required = false) String crs,
                 @RequestParam(required = false) String fileName, Model model, HttpServletResponse response) {
        Actor admin = Actors.requireAny(Role.ADMIN);
        CoordinateSystem coordinates = coordinates(crs);
        byte[] bytes = drafts.find(token, admin.userId())
                .orElseThrow(() -> LocalizedException.badRequest("admin.grids.draftGone"));
        ImportReport report = imports.importGeoJson(bytes, new ImportOptions(false, coordinates), admin.scope());
        if (report.applied()) {
            drafts.forget(token, admin.userId());
            model.addAttribute("flashSuccess", label("admin.grids.imported", report.created(), report.updated(), report.removed()));
        } else {
            response.setStatus(422);
        }
        show(report, bytes, coordinates, fileName, model);
        page(admin, null, null, null, 0, model);
        return "geo/admin/grids";
    }

    private void show(ImportReport report, byte[] bytes, CoordinateSystem coordinates, String fileName, Model model) {
        List<Problem> problems = report.problems().stream().map(p -> new Problem(p.feature(), p.code(), p.isError(),
                p.reason(messages, LocaleContextHolder.getLocale()),
                p.at() == null ? null : p.at().lon(), p.at() == null ? null : p.at().lat())).toList();
        model.addAttribute("report", report);
        model.addAttribute("problems", problems);
        model.addAttribute("crs", coordinates.id());
        model.addAttribute("fileName", fileName);
        model.addAttribute("preview", preview(bytes, coordinates, report.problems()));
    }

    /** The file's readable features (in WGS-84) and the problems with a place, as GeoJSON for the map. */
    private String preview(byte[] bytes, CoordinateSystem coordinates, List<ImportProblem> problems) {
        ParsedFile parsed = GeoJsonFeatures.parse(bytes, coordinates);
        List<Map<String, Object>> features = new ArrayList<>();
        for (ParsedFeature f : parsed.features()) {
            if (f.geometry() == null) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("index", f.index());
            properties.put("code", f.code());
            properties.put("name", f.name());
            properties.put("kind", f.kind() == null ? null : f.kind().name().toLowerCase(java.util.Locale.ROOT));
            features.add(Map.of("type", "Feature", "properties", properties, "geometry", GeoJsonWriter.toMap(f.geometry())));
        }
        for (ImportProblem p : problems) {
            if (p.at() != null) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("problem", p.reason(messages, LocaleContextHolder.getLocale()));
                properties.put("error", p.isError());
                features.add(Map.of("type", "Feature", "properties", properties,
                        "geometry", Map.of("type", "Point", "coordinates", List.of(p.at().lon(), p.at().lat()))));
            }
        }
        return org.yiwang.platform.InlineJson.escape(JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features)));
    }

    private void page(Actor admin, String street, String community, String kind, int page, Model model) {
        String streetCode = code("street", street, "\\d{9}");
        String communityCode = code("community", community, "\\d{12}");
        GridKind gridKind = kind == null || kind.isBlank() ? null
                : GridKind.parse(kind).orElseThrow(() -> LocalizedException.badRequest("geo.param.kind", kind));
        if (page < 0) {
            throw LocalizedException.badRequest("geo.param.range", "page", 0, Integer.MAX_VALUE, page);
        }
        GridPage result = grids.list(new GridQuery(communityCode, streetCode, gridKind, page, PAGE_SIZE), admin.scope());
        model.addAttribute("grids", result.content());
        model.addAttribute("page", result.page());
        model.addAttribute("totalPages", result.totalPages());
        model.addAttribute("total", result.totalElements());
        model.addAttribute("streets", streets(divisions.tree(admin.scope())));
        model.addAttribute("kinds", GridKind.values());
        model.addAttribute("coordinateSystems", CoordinateSystem.values());
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("mapCommunity", communityCode);
        model.addAttribute("mapStreet", streetCode);
    }

    private static List<Division> streets(List<DivisionNode> nodes) {
        List<Division> found = new ArrayList<>();
        for (DivisionNode node : nodes) {
            if (node.division().level() == DivisionLevel.STREET) {
                found.add(node.division());
            } else {
                found.addAll(streets(node.children()));
            }
        }
        return found;
    }

    private static String code(String parameter, String value, String format) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches(format)) {
            throw LocalizedException.badRequest("geo.param.divisionCode", parameter, value);
        }
        return value.strip();
    }

    private static CoordinateSystem coordinates(String crs) {
        return crs == null || crs.isBlank() ? CoordinateSystem.WGS84
                : CoordinateSystem.parse(crs).orElseThrow(() -> LocalizedException.badRequest("geo.param.crs", crs));
    }

    private String label(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
