package org.yiwang.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.intake.Channel;
import org.yiwang.intake.FeedEntry;
import org.yiwang.intake.FeedPage;
import org.yiwang.intake.ImportSummary;
import org.yiwang.intake.Imports;
import org.yiwang.intake.IntakeFeed;
import org.yiwang.intake.InvalidReportException;
import org.yiwang.intake.LocatePending;
import org.yiwang.intake.PendingReport;
import org.yiwang.intake.PendingReports;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.RecordStatus;
import org.yiwang.intake.ReportKind;
import org.yiwang.intake.ReportSubmissions;
import org.yiwang.intake.reading.TableFormat;
import org.yiwang.catalog.Urgency;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PageView;
import org.yiwang.platform.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake API for the 12345 hotline and 数字城管: single reports, file imports, the reports waiting
 * for a dispatcher, a report's status by its external number, and the status feed (回访).
 */
@RestController
@RequestMapping("/api/intake")
@Tag(name = "Channel intake", description = "12345 热线与数字城管接入：单条、批量导入、待定位、状态回传")
class IntakeController {

    private final ReportSubmissions submissions;
    private final Imports imports;
    private final PendingReports pending;
    private final IntakeFeed feed;
    private final Views views;

    IntakeController(ReportSubmissions submissions, Imports imports, PendingReports pending, IntakeFeed feed, Views views) {
        this.submissions = submissions;
        this.imports = imports;
        this.pending = pending;
        this.feed = feed;
        this.views = views;
    }

    /** A hotline work order (12345 工单), field names as {@link ReportKind#HOTLINE}'s columns. */
    record HotlineBody(String externalNo, String calledAt, String caller, String phone, String content, String address,
                       String addressCode, String type, String urgency, String due, String lat, String lon, String crs) {
    }

    /** A 数字城管 case, field names as {@link ReportKind#URBAN_CASE}'s columns. */
    record UrbanCaseBody(String caseNo, String reportedAt, String kind, String categoryCode, String majorCode, String minorCode,
                         String description, String address, String addressCode, String componentId, String unitGridCode,
                         String caseSource, String reporter, String phone, String urgency, String due, String lat, String lon,
                         String crs) {
    }

    @Operation(summary = "Receive one 12345 hotline work order",
            description = "201 with the new order; 202 when its place is unknown (left for a dispatcher); 200 when the number was sent before")
    @PostMapping(path = "/hotline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.ReceiptView> hotline(@RequestBody HotlineBody body) {
        Actor actor = integration();
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            put(fields, "externalNo", body.externalNo());
            put(fields, "calledAt", body.calledAt());
            put(fields, "caller", body.caller());
            put(fields, "phone", body.phone());
            put(fields, "content", body.content());
            put(fields, "address", body.address());
            put(fields, "addressCode", body.addressCode());
            put(fields, "type", body.type());
            put(fields, "urgency", body.urgency());
            put(fields, "due", body.due());
            put(fields, "lat", body.lat());
            put(fields, "lon", body.lon());
            put(fields, "crs", body.crs());
        }
        return answer(submissions.submit(ReportKind.HOTLINE, fields, actor));
    }

    @Operation(summary = "Receive one 数字城管 case",
            description = "201 with the new order; 202 when its place is unknown (left for a dispatcher); 200 when the number was sent before")
    @PostMapping(path = "/urban-cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.ReceiptView> urbanCase(@RequestBody UrbanCaseBody body) {
        Actor actor = integration();
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            put(fields, "caseNo", body.caseNo());
            put(fields, "reportedAt", body.reportedAt());
            put(fields, "kind", body.kind());
            put(fields, "categoryCode", body.categoryCode());
            put(fields, "majorCode", body.majorCode());
            put(fields, "minorCode", body.minorCode());
            put(fields, "description", body.description());
            put(fields, "address", body.address());
            put(fields, "addressCode", body.addressCode());
            put(fields, "componentId", body.componentId());
            put(fields, "unitGridCode", body.unitGridCode());
            put(fields, "caseSource", body.caseSource());
            put(fields, "reporter", body.reporter());
            put(fields, "phone", body.phone());
            put(fields, "urgency", body.urgency());
            put(fields, "due", body.due());
            put(fields, "lat", body.lat());
            put(fields, "lon", body.lon());
            put(fields, "crs", body.crs());
        }
        return answer(submissions.submit(ReportKind.URBAN_CASE, fields, actor));
    }

    @Operation(summary = "What became of an external report, by its channel and number")
    @GetMapping("/records")
    RecordView record(@RequestParam String channel, @RequestParam String externalNo) {
        Actor actor = integration();
        Channel c = Channel.parse(channel).orElseThrow(() -> LocalizedException.badRequest("intake.error.channel", channel));
        RecordStatus status = pending.status(c, externalNo.strip(), actor)
                .orElseThrow(() -> LocalizedException.notFound("intake.error.externalNotFound", channel, externalNo));
        return new RecordView(status.id(), status.channel(), status.externalNo(), status.status(), status.orderId(),
                status.orderNumber(), status.discardReason());
    }

    @Operation(summary = "Import a file of hotline orders or 数字城管 cases (CSV or .xlsx)",
            description = "kind: hotline | urban-cases. Send the file as the raw body (any size up to the import limit) or as the "
                    + "multipart part 'file' (10 MB). Policy PER_ROW: good rows land, bad rows are listed by line. "
                    + "202 with the running import; with wait=true 200 with its summary.")
    @PostMapping(path = "/{kind}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Views.ImportView> importMultipart(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                                    @RequestParam(required = false) String format,
                                                    @RequestParam(required = false) String charset,
                                                    @RequestParam(defaultValue = "false") boolean wait) {
        Actor actor = integration();
        try (InputStream in = file.getInputStream()) {
            return started(imports.start(kind(kind), in, file.getOriginalFilename(), file.getContentType(), format(format),
                    charset(charset), wait, actor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Import a file sent as the raw request body (text/csv or the .xlsx content type)")
    @PostMapping(path = "/{kind}/imports", consumes = {"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    ResponseEntity<Views.ImportView> importRaw(@PathVariable String kind, HttpServletRequest request,
                                              @RequestParam(required = false) String fileName,
                                              @RequestParam(required = false) String format,
                                              @RequestParam(required = false) String charset,
                                              @RequestParam(defaultValue = "false") boolean wait) throws IOException {
        Actor actor = integration();
        String contentCharset = charset;
        String header = request.getHeader("Content-Type");
        if (contentCharset == null && header != null) {
            try {
                Charset declared = MediaType.parseMediaType(header).getCharset();
                contentCharset = declared == null ? null : declared.name();
            } catch (IllegalArgumentException ignored) {
                contentCharset = null;
            }
        }
        return started(imports.start(kind(kind), request.getInputStream(), fileName, request.getContentType(), format(format),
                charset(contentCharset), wait, actor));
    }

    @Operation(summary = "Your recent imports (all for administrators)")
    @GetMapping("/imports")
    List<Views.ImportView> recentImports(@RequestParam(defaultValue = "20") int limit) {
        Actor actor = integration();
        return imports.recent(limit, actor).stream().map(views::summary).toList();
    }

    @Operation(summary = "An import's summary with its first 1,000 problems")
    @GetMapping("/imports/{id}")
    Views.ImportView importSummary(@PathVariable long id) {
        Actor actor = integration();
        return views.summary(imports.find(id, actor).orElseThrow(() -> LocalizedException.notFound("intake.error.importNotFound", id)));
    }

    @Operation(summary = "A page of an import's problems, by line")
    @GetMapping("/imports/{id}/problems")
    List<Views.ProblemView> importProblems(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
                                           @RequestParam(defaultValue = "1000") int limit) {
        Actor actor = integration();
        imports.find(id, actor).orElseThrow(() -> LocalizedException.notFound("intake.error.importNotFound", id));
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw LocalizedException.badRequest("intake.error.limit", 10_000);
        }
        return imports.problems(id, offset, limit).stream().map(views::problem).toList();
    }

    @Operation(summary = "Reports waiting for a dispatcher to locate them (待定位), oldest first")
    @GetMapping("/pending")
    PageView<PendingView> pendingList(@RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        Actor actor = Actors.require();
        PendingReports.Page result = pending.list(channel(channel), page, size, actor);
        return PageView.of(result.content().stream().map(IntakeController::pendingView).toList(), page, size, result.totalElements());
    }

    @Operation(summary = "One pending report")
    @GetMapping("/pending/{id}")
    PendingView pendingOne(@PathVariable long id) {
        return pendingView(pending.get(id, Actors.require()));
    }

    @Operation(summary = "Locate a pending report (standard-address code, grid code, or point) and create its work order")
    @PostMapping(path = "/pending/{id}/locate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Views.ReceiptView> locate(@PathVariable long id, @RequestBody LocatePending body) {
        Receipt receipt = pending.locate(id, body, Actors.require());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/work-orders/" + receipt.orderId()))
                .body(views.receipt(receipt));
    }

    record DiscardBody(String reason) {
    }

    @Operation(summary = "Discard a pending report with a reason (reported back in the feed)")
    @PostMapping(path = "/pending/{id}/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    Discarded discard(@PathVariable long id, @RequestBody DiscardBody body) {
        RecordStatus status = pending.discard(id, body == null ? null : body.reason(), Actors.require());
        return new Discarded(status.id(), status.status(), status.discardReason());
    }

    @Operation(summary = "The status feed for callbacks (回访): changes of hotline and 数字城管 reports after a cursor",
            description = "Start with after=0; pass the answer's 'next' as 'after' next time. Entries come in commit order and are never skipped.")
    @GetMapping("/feed")
    Feed feed(@RequestParam(required = false) String after, @RequestParam(required = false) String channel,
              @RequestParam(defaultValue = "100") int limit) {
        FeedPage page = feed.since(after, channel(channel), limit, Actors.require());
        return new Feed(page.entries().stream().map(IntakeController::feedView).toList(), page.next(), page.more());
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e, HttpServletRequest request) {
        return views.invalid(e, request);
    }

    private ResponseEntity<Views.ReceiptView> answer(Receipt receipt) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(Views.statusOf(receipt));
        if (receipt.orderId() != null) {
            builder.location(URI.create("/api/work-orders/" + receipt.orderId()));
        } else if (receipt.outcome() == Receipt.Outcome.PENDING) {
            builder.location(URI.create("/api/intake/pending/" + receipt.recordId()));
        }
        return builder.body(views.receipt(receipt));
    }

    private ResponseEntity<Views.ImportView> started(ImportSummary summary) {
        boolean running = "RUNNING".equals(summary.status());
        return ResponseEntity.status(running ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/intake/imports/" + summary.id()))
                .body(views.summary(summary));
    }

    /** What became of an external report: its record, status and order, or why it was discarded. */
    @Schema(name = "IntakeRecord")
    record RecordView(long recordId, Channel channel, String externalNo, String status, Long orderId, String orderNumber,
                      String discardReason) {
    }

    /** A discarded pending report. */
    @Schema(name = "IntakeDiscarded")
    record Discarded(long recordId, String status, String discardReason) {
    }

    /** A report waiting for a dispatcher to locate it (待定位). Times with +08:00. */
    @Schema(name = "PendingReport")
    record PendingView(long id, Channel channel, String externalNo, String receivedAt, String externalDueAt, String description,
                       String address, String addressCode, String categoryCode, String categoryText, Urgency urgency,
                       String reporterName, String reporterPhone, Double lat, Double lon, String crs, String unitGridCode,
                       String componentId, String districtHint, String createdAt) {
    }

    /** One change of a hotline or 数字城管 report, for callbacks. */
    @Schema(name = "IntakeFeedEntry")
    record FeedView(String cursor, Channel channel, String externalNo, String kind, String orderNumber, String action,
                    String from, String to, boolean open, String agency, String dueAt, String note, String at) {
    }

    /** The feed after a cursor: pass {@code next} as {@code after} next time; {@code more} when the limit cut it. */
    @Schema(name = "IntakeFeed")
    record Feed(List<FeedView> entries, String next, boolean more) {
    }

    static PendingView pendingView(PendingReport p) {
        return new PendingView(p.id(), p.channel(), p.externalNo(), Views.time(p.receivedAt()), Views.time(p.externalDueAt()),
                p.description(), p.address(), p.addressCode(), p.categoryCode(), p.categoryText(), p.urgency(), p.reporterName(),
                p.reporterPhone(), p.lat(), p.lon(), p.crs(), p.unitGridCode(), p.componentId(), p.districtHint(),
                Views.time(p.createdAt()));
    }

    static FeedView feedView(FeedEntry e) {
        return new FeedView(e.cursor(), e.channel(), e.externalNo(), e.kind(), e.orderNumber(), e.action(), e.from(), e.to(),
                e.open(), e.agency(), Views.time(e.dueAt()), e.note(), Views.time(e.at()));
    }

    /** The hotline's integration account, a dispatcher or an administrator. */
    private static Actor integration() {
        return Actors.requireAny(Role.DISPATCHER, Role.ADMIN);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static ReportKind kind(String text) {
        return ReportKind.parse(text).orElseThrow(() -> LocalizedException.notFound("intake.error.kind", text));
    }

    private static Channel channel(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Channel.parse(text).orElseThrow(() -> LocalizedException.badRequest("intake.error.channel", text));
    }

    private static TableFormat format(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return TableFormat.parse(text).orElseThrow(() -> LocalizedException.badRequest("intake.error.format", text));
    }

    static Charset charset(String text) {
        if (text == null || text.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(text.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw LocalizedException.badRequest("intake.error.charset", text);
        }
    }
}
