package org.yiwang.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.open311.ApiKey;
import org.yiwang.open311.ApiKeys;
import org.yiwang.open311.Open311Properties;
import org.yiwang.open311.georeport.Dates;
import org.yiwang.open311.georeport.Formats;
import org.yiwang.open311.georeport.GeoReportError;
import org.yiwang.open311.georeport.GeoReportException;
import org.yiwang.open311.georeport.GeoReportJson;
import org.yiwang.open311.georeport.Jurisdictions;
import org.yiwang.open311.georeport.RequestQuery;
import org.yiwang.open311.georeport.Requests;
import org.yiwang.open311.georeport.ServiceDirectory;
import org.yiwang.open311.georeport.Submissions;
import org.yiwang.open311.georeport.Tokens;
import org.yiwang.platform.LocalizedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}, in XML and JSON by the {@code .xml}/{@code .json}
 * suffix. Reads are public (an api_key, if sent, must be valid and counts against its rate); POST
 * requests needs an api_key. Every failure answers with the spec's list of {@code {code, description}},
 * all problems of a call at once.
 */
@Controller
@RequestMapping("/open311")
@Tag(name = "Open311 GeoReport v2", description = "Open311 GeoReport v2 (XML/JSON): services, requests, tokens")
class GeoReportController {

    private static final Logger log = LoggerFactory.getLogger(GeoReportController.class);
    static final Duration WINDOW = Duration.ofDays(90);
    static final int DEFAULT_LIMIT = 1000;
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Pattern KNOWN = Pattern.compile("/open311(/v2)?/(discovery|services|services/[^/]+|requests|requests/[^/]+|tokens/[^/]+)\\.(xml|json)");
    private static final Pattern SERVICE_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private final ServiceDirectory services;
    private final Requests requests;
    private final Submissions submissions;
    private final Tokens tokens;
    private final Jurisdictions jurisdictions;
    private final ApiKeys keys;
    private final Open311Properties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final Instant changeset;

    GeoReportController(ServiceDirectory services, Requests requests, Submissions submissions, Tokens tokens,
                        Jurisdictions jurisdictions, ApiKeys keys, Open311Properties properties, MessageSource messages, Clock clock) {
        this.services = services;
        this.requests = requests;
        this.submissions = submissions;
        this.tokens = tokens;
        this.jurisdictions = jurisdictions;
        this.keys = keys;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.changeset = clock.instant();
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GeoReportJson.Discovery.class)))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "Service discovery")
    @GetMapping({"/discovery.{format:xml|json}", "/v2/discovery.{format:xml|json}"})
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Formats f = format(format);
        GeoReportJson.Endpoint endpoint = new GeoReportJson.Endpoint(SPECIFICATION, properties.baseUrl().isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").build().toUriString()
                : properties.baseUrl(), Dates.format(changeset), "production", List.of("text/xml", "application/json"));
        return ok(f, "discovery", new GeoReportJson.Discovery(Dates.format(changeset), properties.contact(),
                properties.keyService(), List.of(endpoint)));
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportJson.Service.class))))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "GET Service List")
    @GetMapping("/v2/services.{format:xml|json}")
    ResponseEntity<byte[]> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                    @RequestParam(name = "api_key", required = false) String apiKey) {
        Formats f = format(format);
        List<GeoReportError> errors = new ArrayList<>();
        optionalKey(apiKey, errors);
        jurisdiction(jurisdiction, errors);
        fail(errors);
        return ok(f, "services", services.services(locale()));
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GeoReportJson.ServiceDefinition.class)))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "GET Service Definition")
    @GetMapping("/v2/services/{code:[^.]+}.{format:xml|json}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                      @RequestParam(name = "api_key", required = false) String apiKey) {
        Formats f = format(format);
        List<GeoReportError> errors = new ArrayList<>();
        optionalKey(apiKey, errors);
        jurisdiction(jurisdiction, errors);
        fail(errors);
        GeoReportJson.ServiceDefinition definition = services.definition(code, locale())
                .orElseThrow(() -> new GeoReportException(404, text("open311.error.serviceNotFound", code)));
        return ok(f, "service_definition", definition);
    }

    @ApiResponse(responseCode = "201", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportJson.Created.class))))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "POST Service Request (form-encoded; api_key required)")
    @PostMapping("/v2/requests.{format:xml|json}")
    ResponseEntity<byte[]> create(@PathVariable String format, HttpServletRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Formats f = format(format);
        Map<String, String[]> params = request.getParameterMap();
        List<GeoReportError> keyErrors = new ArrayList<>();
        String apiKey = first(params.get("api_key"));
        ApiKey key = null;
        if (apiKey == null) {
            keyErrors.add(new GeoReportError(403, text("open311.error.apiKeyRequired")));
        } else {
            key = keys.verify(apiKey).orElse(null);
            if (key == null) {
                keyErrors.add(new GeoReportError(403, text("open311.error.apiKeyInvalid")));
            } else if (!keys.tryCall(key)) {
                throw rateLimited(key);
            }
        }
        List<GeoReportJson.Created> created = submissions.submit(params, key, keyErrors, idempotencyKey, locale());
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CONTENT_TYPE, f.contentType())
                .body(f.write("service_requests", created));
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportJson.ServiceRequest.class))))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "GET Service Requests",
            description = "service_request_id (comma list; other filters then ignored), service_code (comma list), start_date/end_date "
                    + "(at most 90 days apart; default the last 90 days), status (open,closed), jurisdiction_id; extensions: "
                    + "page (from 1), page_size (default and at most 1,000), updated_after, bbox=minLong,minLat,maxLong,maxLat")
    @GetMapping("/v2/requests.{format:xml|json}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String serviceCodes,
                                    @RequestParam(name = "start_date", required = false) String startDate,
                                    @RequestParam(name = "end_date", required = false) String endDate,
                                    @RequestParam(name = "status", required = false) String status,
                                    @RequestParam(name = "updated_after", required = false) String updatedAfter,
                                    @RequestParam(name = "bbox", required = false) String bbox,
                                    @RequestParam(name = "page", required = false) String page,
                                    @RequestParam(name = "page_size", required = false) String pageSize,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                    @RequestParam(name = "api_key", required = false) String apiKey) {
        Formats f = format(format);
        List<GeoReportError> errors = new ArrayList<>();
        optionalKey(apiKey, errors);
        String prefix = jurisdiction(jurisdiction, errors);
        List<String> idList = list(ids);
        for (String id : idList) {
            if (!SERVICE_REQUEST_ID.matcher(id).matches()) {
                errors.add(new GeoReportError(400, text("open311.error.serviceRequestId", id)));
            }
        }
        List<String> codes = list(serviceCodes).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        for (String code : codes) {
            if (!org.yiwang.catalog.Category.isCode(code)) {
                errors.add(new GeoReportError(400, text("open311.error.serviceCodeFormat", code)));
            }
        }
        Instant start = date("start_date", startDate, errors);
        Instant end = date("end_date", endDate, errors);
        Instant now = clock.instant();
        if (start == null && end == null) {
            end = now;
            start = now.minus(WINDOW);
        } else if (end == null) {
            end = start.plus(WINDOW);
        } else if (start == null) {
            start = end.minus(WINDOW);
        }
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new GeoReportError(400, text("open311.error.dateOrder")));
            } else if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                errors.add(new GeoReportError(400, text("open311.error.dateWindow", WINDOW.toDays())));
            }
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : list(status)) {
            String st = s.toLowerCase(Locale.ROOT);
            if (!st.equals("open") && !st.equals("closed")) {
                errors.add(new GeoReportError(400, text("open311.error.status", s)));
            }
            statuses.add(st);
        }
        Instant updated = date("updated_after", updatedAfter, errors);
        double[] box = bbox(bbox, errors);
        int pageNumber = integer("page", page, 1, 1, Integer.MAX_VALUE / DEFAULT_LIMIT, errors);
        int size = integer("page_size", pageSize, DEFAULT_LIMIT, 1, DEFAULT_LIMIT, errors);
        fail(errors);
        return ok(f, "service_requests", requests.list(new RequestQuery(idList, codes, start, end, statuses, updated, box, prefix,
                pageNumber, size), locale()));
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportJson.ServiceRequest.class))))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "GET Service Request (always a list); extensions=true adds notes (the update history) and attributes")
    @GetMapping("/v2/requests/{id:[^.]+}.{format:xml|json}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "extensions", required = false) String extensions,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                   @RequestParam(name = "api_key", required = false) String apiKey) {
        Formats f = format(format);
        List<GeoReportError> errors = new ArrayList<>();
        optionalKey(apiKey, errors);
        String prefix = jurisdiction(jurisdiction, errors);
        boolean extended = extensions != null && (extensions.equalsIgnoreCase("true") || extensions.equals("1"));
        if (extensions != null && !extended && !extensions.equalsIgnoreCase("false") && !extensions.equals("0")) {
            errors.add(new GeoReportError(400, text("open311.error.extensions", extensions)));
        }
        fail(errors);
        GeoReportJson.ServiceRequest found = requests.one(id, prefix == null ? "" : prefix, extended, locale())
                .orElseThrow(() -> new GeoReportException(404, text("open311.error.requestNotFound", id)));
        return ok(f, "service_requests", List.of(found));
    }

    @ApiResponse(responseCode = "200", description = "JSON as shown; .xml gives the spec's XML of the same fields", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportJson.TokenAnswer.class))))
    @ApiResponse(responseCode = "4XX", description = "every problem of the call", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = GeoReportError.class))))
    @Operation(summary = "GET service_request_id from a token")
    @GetMapping("/v2/tokens/{token:[^.]+}.{format:xml|json}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                 @RequestParam(name = "api_key", required = false) String apiKey) {
        Formats f = format(format);
        List<GeoReportError> errors = new ArrayList<>();
        optionalKey(apiKey, errors);
        jurisdiction(jurisdiction, errors);
        fail(errors);
        return ok(f, "service_requests", tokens.find(token, locale()));
    }

    /** Everything else under /open311: 405 for a known resource with the wrong method, else 404, in the suffix's format. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (KNOWN.matcher(path).matches()) {
            throw new GeoReportException(405, text("open311.error.method", request.getMethod(), path));
        }
        throw new GeoReportException(404, text("open311.error.notFound", path));
    }

    @ExceptionHandler(GeoReportException.class)
    ResponseEntity<byte[]> failed(GeoReportException e, HttpServletRequest request) {
        return errors(request, e.status(), e.errors());
    }

    @ExceptionHandler(LocalizedException.class)
    ResponseEntity<byte[]> localized(LocalizedException e, HttpServletRequest request) {
        return errors(request, e.status().value(), List.of(new GeoReportError(e.status().value(),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return errors(request, 500, List.of(new GeoReportError(500, text("open311.error.internal"))));
    }

    private ResponseEntity<byte[]> errors(HttpServletRequest request, int status, List<GeoReportError> errors) {
        String uri = request.getRequestURI();
        Formats f = uri.endsWith(".json") ? Formats.JSON : Formats.XML;
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, f.contentType());
        if ("GET".equals(request.getMethod())) {
            builder.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        if (status == 429) {
            builder.header(HttpHeaders.RETRY_AFTER, "60");
        }
        return builder.body(f.write("errors", errors));
    }

    /** A read's answer; reads are public, so any web page may fetch them (CORS, as FixMyStreet's own Open311 server does). */
    private static ResponseEntity<byte[]> ok(Formats f, String root, Object body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.contentType())
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").body(f.write(root, body));
    }

    private static Formats format(String suffix) {
        return Formats.of(suffix).orElseThrow(() -> new GeoReportException(404, "unknown format " + suffix));
    }

    /** A key sent with a read must be valid; it then counts against its rate. */
    private void optionalKey(String apiKey, List<GeoReportError> errors) {
        if (apiKey == null || apiKey.isBlank()) {
            return;
        }
        Optional<ApiKey> key = keys.verify(apiKey);
        if (key.isEmpty()) {
            errors.add(new GeoReportError(403, text("open311.error.apiKeyInvalid")));
        } else if (!keys.tryCall(key.get())) {
            throw rateLimited(key.get());
        }
    }

    private GeoReportException rateLimited(ApiKey key) {
        return new GeoReportException(429, text("open311.error.rateLimited", key.requestsPerMinute()));
    }

    private String jurisdiction(String jurisdiction, List<GeoReportError> errors) {
        Optional<String> prefix = jurisdictions.prefix(jurisdiction);
        if (prefix.isEmpty()) {
            errors.add(new GeoReportError(404, text("open311.error.jurisdiction", jurisdiction)));
            return "";
        }
        return prefix.get();
    }

    private Instant date(String name, String text, List<GeoReportError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<Instant> at = Dates.parse(text);
        if (at.isEmpty()) {
            errors.add(new GeoReportError(400, text("open311.error.date", name, text)));
            return null;
        }
        return at.get();
    }

    private double[] bbox(String text, List<GeoReportError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double[] box = Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.strip())).toArray();
            boolean valid = Arrays.stream(box).allMatch(Double::isFinite) && box[0] >= -180 && box[2] <= 180 && box[1] >= -90
                    && box[3] <= 90 && box[0] <= box[2] && box[1] <= box[3];
            if (!valid) {
                throw new NumberFormatException();
            }
            return box;
        } catch (NumberFormatException e) {
            errors.add(new GeoReportError(400, text("open311.error.bbox", text)));
            return null;
        }
    }

    private int integer(String name, String text, int fallback, int min, int max, List<GeoReportError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new GeoReportError(400, text("open311.error.integer", name, min, max, text)));
            return fallback;
        }
    }

    private static void fail(List<GeoReportError> errors) {
        if (!errors.isEmpty()) {
            throw new GeoReportException(errors);
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 || values[0] == null || values[0].isBlank() ? null : values[0].strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
