package org.yiwang.intake.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.yiwang.intake.Channel;
import org.yiwang.intake.FieldProblem;
import org.yiwang.intake.ImportSummary;
import org.yiwang.intake.InvalidReportException;
import org.yiwang.intake.LocatedBy;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.ReportKind;
import org.yiwang.intake.StandardAddress;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How intake answers in JSON: times with the +08:00 offset, problems in the caller's language. */
@Component
class Views {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ChinaTime.ZONE);

    private final MessageSource messages;

    Views(MessageSource messages) {
        this.messages = messages;
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** What became of a report sent by a channel: a new order, a pending report, or the one it repeats. */
    @Schema(name = "IntakeReceipt")
    record ReceiptView(Receipt.Outcome outcome, long recordId, Channel channel, String externalNo, Long orderId,
                       String orderNumber, LocatedBy locatedBy, String addressCode) {
    }

    /** One faulty field, by line (files) or external number, with its message in the caller's language. */
    @Schema(name = "IntakeProblem")
    record ProblemView(Long line, String externalNo, String field, String code, String message) {
    }

    /** An import of hotline orders or 数字城管 cases, running or finished. */
    @Schema(name = "IntakeImport")
    record ImportView(long id, ReportKind kind, String fileName, String format, String policy, String policyDescription,
                      String status, long rows, long created, long pending, long duplicates, long rejected, String failure,
                      String startedAt, String finishedAt, Long durationMillis, double rowsPerSecond, List<ProblemView> problems) {
    }

    /** A standard address (标准地址) and its grid. */
    @Schema(name = "StandardAddress")
    record AddressView(String code, String address, double lat, double lon, String gridCode, String districtCode,
                       String updatedAt, @Schema(description = "in the answer to locate only: the words matched exactly") Boolean exact) {
    }

    ReceiptView receipt(Receipt r) {
        return new ReceiptView(r.outcome(), r.recordId(), r.channel(), r.externalNo(), r.orderId(), r.orderNumber(), r.locatedBy(),
                r.addressCode());
    }

    static HttpStatus statusOf(Receipt r) {
        return switch (r.outcome()) {
            case CREATED -> HttpStatus.CREATED;
            case PENDING -> HttpStatus.ACCEPTED;
            case DUPLICATE -> HttpStatus.OK;
        };
    }

    ProblemView problem(FieldProblem p) {
        return new ProblemView(p.line() > 0 ? p.line() : null, p.externalNo(), p.field(), p.key(),
                messages.getMessage(p.key(), p.args().toArray(), p.key(), LocaleContextHolder.getLocale()));
    }

    ImportView summary(ImportSummary s) {
        return new ImportView(s.id(), s.kind(), s.fileName(), s.format(), s.policy(),
                messages.getMessage("intake.import.policy." + s.policy(), null, s.policy(), LocaleContextHolder.getLocale()),
                s.status(), s.rows(), s.created(), s.pending(), s.duplicates(), s.rejected(), s.failure(), time(s.startedAt()),
                time(s.finishedAt()), s.durationMillis(), Math.round(s.rowsPerSecond() * 10) / 10.0,
                s.problems().stream().map(this::problem).toList());
    }

    static AddressView address(StandardAddress a) {
        return address(a, null);
    }

    static AddressView address(StandardAddress a, Boolean exact) {
        return new AddressView(a.code(), a.address(), a.lat(), a.lon(), a.gridCode(), a.districtCode(), time(a.updatedAt()), exact);
    }

    /** A 400 problem that lists every faulty field. */
    ResponseEntity<ProblemDetail> invalid(InvalidReportException e, HttpServletRequest request) {
        String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(messages.getMessage("error.title.400", null, "Bad Request", LocaleContextHolder.getLocale()));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("errors", e.problems().stream().map(this::problem).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
