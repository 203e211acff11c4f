package org.yiwang.intake.web;

import org.yiwang.platform.ChinaTime;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.yiwang.intake.FieldProblem;
import org.yiwang.intake.ImportSummary;
import org.yiwang.intake.InvalidReportException;
import org.yiwang.intake.Receipt;
import org.yiwang.intake.StandardAddress;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    Map<String, Object> receipt(Receipt r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", r.outcome().name());
        body.put("recordId", r.recordId());
        body.put("channel", r.channel().name());
        body.put("externalNo", r.externalNo());
        body.put("orderId", r.orderId());
        body.put("orderNumber", r.orderNumber());
        body.put("locatedBy", r.locatedBy() == null ? null : r.locatedBy().name());
        body.put("addressCode", r.addressCode());
        return body;
    }

    static HttpStatus statusOf(Receipt r) {
        return switch (r.outcome()) {
            case CREATED -> HttpStatus.CREATED;
            case PENDING -> HttpStatus.ACCEPTED;
            case DUPLICATE -> HttpStatus.OK;
        };
    }

    Map<String, Object> problem(FieldProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (p.line() > 0) {
            body.put("line", p.line());
        }
        if (p.externalNo() != null) {
            body.put("externalNo", p.externalNo());
        }
        body.put("field", p.field());
        body.put("code", p.key());
        body.put("message", messages.getMessage(p.key(), p.args().toArray(), p.key(), LocaleContextHolder.getLocale()));
        return body;
    }

    Map<String, Object> summary(ImportSummary s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("kind", s.kind().name());
        body.put("fileName", s.fileName());
        body.put("format", s.format());
        body.put("policy", s.policy());
        body.put("policyDescription", messages.getMessage("intake.import.policy." + s.policy(), null, s.policy(),
                LocaleContextHolder.getLocale()));
        body.put("status", s.status());
        body.put("rows", s.rows());
        body.put("created", s.created());
        body.put("pending", s.pending());
        body.put("duplicates", s.duplicates());
        body.put("rejected", s.rejected());
        body.put("failure", s.failure());
        body.put("startedAt", time(s.startedAt()));
        body.put("finishedAt", time(s.finishedAt()));
        body.put("durationMillis", s.durationMillis());
        body.put("rowsPerSecond", Math.round(s.rowsPerSecond() * 10) / 10.0);
        body.put("problems", s.problems().stream().map(this::problem).toList());
        return body;
    }

    static Map<String, Object> address(StandardAddress a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", a.code());
        body.put("address", a.address());
        body.put("lat", a.lat());
        body.put("lon", a.lon());
        body.put("gridCode", a.gridCode());
        body.put("districtCode", a.districtCode());
        body.put("updatedAt", time(a.updatedAt()));
        return body;
    }

    static Map<String, Object> page(List<?> content, int page, int size, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        body.put("page", page);
        body.put("size", size);
        body.put("totalElements", total);
        body.put("totalPages", (total + size - 1) / size);
        return body;
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
