package org.yiwang.workorder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.catalog.Urgency;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PageView;
import org.yiwang.workorder.ActOnOrder;
import org.yiwang.workorder.Action;
import org.yiwang.workorder.Intake;
import org.yiwang.workorder.IntakeResult;
import org.yiwang.workorder.OrderFilter;
import org.yiwang.workorder.PhotoStore;
import org.yiwang.workorder.ReportProblem;
import org.yiwang.workorder.Source;
import org.yiwang.workorder.WorkOrder;
import org.yiwang.workorder.WorkOrderActions;
import org.yiwang.workorder.WorkOrderQueries;
import org.yiwang.workorder.WorkOrderStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The work-order JSON API: intake, detail with history, scoped list, and one endpoint per action. */
@RestController
@RequestMapping("/api/work-orders")
@Tag(name = "Work orders", description = "工单：上报、查询、全周期处置")
class WorkOrderController {

    private final Intake intake;
    private final WorkOrderActions actions;
    private final WorkOrderQueries queries;
    private final PhotoStore photos;
    private final OrderJson json;

    WorkOrderController(Intake intake, WorkOrderActions actions, WorkOrderQueries queries, PhotoStore photos, OrderJson json) {
        this.intake = intake;
        this.actions = actions;
        this.queries = queries;
        this.photos = photos;
        this.json = json;
    }

    /** The JSON body of an intake request. */
    record ReportBody(String description, String categoryCode, Double lat, Double lon, String crs, String address,
                      Source source, Urgency urgency, String reporterName, String reporterPhone, List<String> photoIds) {
    }

    @Operation(operationId = "reportProblem", summary = "Report a problem (上报)", description = "Locates the point, checks the category, routes by the duty list; "
            + "the same Idempotency-Key from the same user returns the first order.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderJson.Detail> report(@RequestBody ReportBody body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body == null) {
            throw LocalizedException.badRequest("error.malformedBody", "empty");
        }
        Actor actor = Actors.require();
        return created(intake.report(new ReportProblem(body.description(), body.categoryCode(), body.lat(), body.lon(), body.crs(),
                body.address(), body.source(), body.urgency(), body.reporterName(), body.reporterPhone(), body.photoIds(), key), actor), actor);
    }

    @Operation(operationId = "reportProblem", summary = "Report a problem with photos (multipart)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<OrderJson.Detail> reportWithPhotos(@RequestParam(required = false) String description,
                                                         @RequestParam(required = false) String categoryCode,
                                                         @RequestParam(required = false) Double lat,
                                                         @RequestParam(required = false) Double lon,
                                                         @RequestParam(required = false) String crs,
                                                         @RequestParam(required = false) String address,
                                                         @RequestParam(required = false) Source source,
                                                         @RequestParam(required = false) Urgency urgency,
                                                         @RequestParam(required = false) String reporterName,
                                                         @RequestParam(required = false) String reporterPhone,
                                                         @RequestParam(required = false) List<String> photoIds,
                                                         @RequestPart(name = "photos", required = false) List<MultipartFile> files,
                                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Actor actor = Actors.require();
        List<String> ids = new ArrayList<>(photoIds == null ? List.of() : photoIds);
        List<PhotoStore.Upload> uploads = new ArrayList<>();
        try {
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                PhotoStore.Upload upload = upload(file, actor);
                uploads.add(upload);
                ids.add(upload.photo().id());
            }
            return created(intake.report(new ReportProblem(description, categoryCode, lat, lon, crs, address, source, urgency,
                    reporterName, reporterPhone, ids, key), actor), actor);
        } catch (RuntimeException refused) {
            // a refused report leaves none of the photos it brought behind
            photos.discard(uploads);
            throw refused;
        }
    }

    @Operation(operationId = "getOrder", summary = "One order with its full history, traffic light and the actions you may take")
    @GetMapping("/{id}")
    OrderJson.Detail detail(@PathVariable long id) {
        Actor actor = Actors.require();
        return json.detail(queries.detail(id, actor), actor);
    }

    @Operation(operationId = "listOrders", summary = "Orders in your scope, newest first")
    @GetMapping
    PageView<OrderJson.Summary> list(@RequestParam(required = false) WorkOrderStatus status,
                             @RequestParam(required = false) Boolean open,
                             @RequestParam(required = false) String category,
                             @RequestParam(required = false) Source source,
                             @RequestParam(required = false) String area,
                             @RequestParam(required = false) Instant createdFrom,
                             @RequestParam(required = false) Instant createdTo,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) Boolean mine,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        Actor actor = Actors.require();
        WorkOrderQueries.Page result = queries.list(new OrderFilter(status, open, category, source, area, createdFrom, createdTo,
                overdue, mine, q), page, size, actor);
        return json.page(result, actor);
    }

    @Operation(operationId = "coHandlingQueue", summary = "Orders in your scope waiting in a co-handling queue, soonest due first: "
            + "RETURN — a co-handler's 退单 waits for the dispatcher; DISPUTE — a dispute waits for the command centre's ruling (仲裁)")
    @GetMapping("/co-handling/{queue}")
    PageView<OrderJson.Summary> coHandlingQueue(@PathVariable String queue, @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size) {
        Actor actor = Actors.require();
        return json.page(queries.coHandlingQueue(queue.toUpperCase(java.util.Locale.ROOT), page, size, actor), actor);
    }

    @Operation(operationId = "actOnOrder", summary = "Take an action: register, void, dispatch, accept, return, handle, request-verification, approve, "
            + "rework, close, close-on-spot, evaluate, reopen, request-extension, approve-extension, reject-extension, "
            + "suspend, resume, supervise, merge; 主办/协办: assist-report (a co-handler reports its part), assist-return "
            + "(a co-handler sends back, with dutyItem), accept-return / reject-return (the dispatcher answers; orgUnitId names the "
            + "co-handler), contest (a second 退单: to arbitration, with dutyItem), rule (the command centre's ruling: orgUnitId is "
            + "the lead, assists the co-handlers with their parts). Illegal in the current state or refused by a rule: 409 naming why")
    @PostMapping(path = "/{id}/{action}")
    OrderJson.Detail act(@PathVariable long id, @PathVariable("action") String segment,
                            @RequestBody(required = false) ActOnOrder body) {
        Action action = Action.fromPathSegment(segment).filter(a -> a != Action.REPORT)
                .orElseThrow(() -> LocalizedException.notFound("workorder.error.unknownAction", segment));
        Actor actor = Actors.require();
        WorkOrder order = actions.perform(id, action, body == null ? ActOnOrder.note(null) : body, actor);
        return json.detail(queries.detail(order, actor), actor);
    }

    private ResponseEntity<OrderJson.Detail> created(IntakeResult result, Actor actor) {
        OrderJson.Detail body = json.detail(WorkOrderQueries.detail(result.order(), result.history(), actor), actor)
                .reported(json.routing(result.routing()), result.replayed());
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/work-orders/" + result.order().id()))
                .body(body);
    }

    private PhotoStore.Upload upload(MultipartFile file, Actor actor) {
        try {
            return photos.upload(file.getBytes(), actor.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
