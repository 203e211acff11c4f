package org.yiwang.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * Turns every failure of a JSON API call into an RFC 9457 problem in the caller's language, with
 * the offending field named. Screens handle their own errors; this advice only answers API calls.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(LocalizedException.class)
    ResponseEntity<ProblemDetail> localized(LocalizedException e, HttpServletRequest request) {
        return problem(e.status(), e.messageKey(), e.args(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(),
                        "message", messages.getMessage(f, LocaleContextHolder.getLocale())))
                .toList();
        String first = errors.isEmpty() ? "" : errors.getFirst().get("field") + ": " + errors.getFirst().get("message");
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "error.validation", new Object[]{first}, request);
        response.getBody().setProperty("errors", errors);
        return response;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        String first = e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName() + ": "
                        + r.getResolvableErrors().stream().map(err -> messages.getMessage(err, LocaleContextHolder.getLocale())).findFirst().orElse(""))
                .findFirst().orElse("");
        return problem(HttpStatus.BAD_REQUEST, "error.validation", new Object[]{first}, request);
    }

    /**
     * A body that could not be read, said without the parser's or the controller's internals: the check that
     * refused a value (a NUL, a text too long), the field whose value has the wrong type, the place where the
     * JSON breaks, or that the body is missing.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof PlausibleTimes.ImplausibleTime t) {
            return problem(HttpStatus.BAD_REQUEST, "error.dateOutOfRange",
                    new Object[]{t.field(), String.valueOf(PlausibleTimes.FIRST_YEAR), String.valueOf(PlausibleTimes.LAST_YEAR)}, request);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LocalizedException localized) {
                return localized(localized, request);
            }
        }
        if (e.getCause() instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "error.malformedField", new Object[]{fieldOf(databind.getPath())}, request);
        }
        if (e.getCause() instanceof tools.jackson.core.JacksonException jackson && jackson.getLocation() != null
                && jackson.getLocation().getLineNr() > 0) {
            return problem(HttpStatus.BAD_REQUEST, "error.malformedJson",
                    new Object[]{jackson.getLocation().getLineNr(), jackson.getLocation().getColumnNr()}, request);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return problem(HttpStatus.BAD_REQUEST, "error.bodyMissing", new Object[]{}, request);
        }
        return problem(HttpStatus.BAD_REQUEST, "error.malformedBody", new Object[]{"—"}, request);
    }

    private static String fieldOf(List<tools.jackson.core.JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "error.typeMismatch", new Object[]{e.getName(), String.valueOf(e.getValue())}, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "error.missingParameter", new Object[]{e.getParameterName()}, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "error.uploadTooLarge", new Object[]{}, request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "error.malformedMultipart", new Object[]{}, request);
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e,
                                              HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "error.missingPart", new Object[]{e.getRequestPartName()}, request);
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "error.missingHeader", new Object[]{e.getHeaderName()}, request);
    }

    /**
     * Any other refusal Spring MVC knows the status of, in the caller's language and without its internals; a
     * failure no handler expected is a 500 whose message hides what failed (the log has the whole story).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse refusal && refusal.getStatusCode().value() < 500) {
            int status = refusal.getStatusCode().value();
            HttpStatus known = HttpStatus.resolve(status);
            return problem(known == null ? HttpStatus.BAD_REQUEST : known, EdgeErrors.keyOf(status), new Object[]{String.valueOf(status)}, request);
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", new Object[]{}, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", new Object[]{String.valueOf(e.getContentType())}, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method", new Object[]{e.getMethod()}, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound", new Object[]{request.getRequestURI()}, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "error.forbidden", new Object[]{}, request);
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "error.concurrentChange", new Object[]{}, request);
    }

    /** The database cannot be reached (see {@link DatabaseUnavailable}): 503 with Retry-After; anything else goes on up. */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseAway(RuntimeException e, HttpServletRequest request) {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE_KEY, new Object[]{}, request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                .body(problem.getBody());
    }

    ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Object[] args, HttpServletRequest request) {
        String detail = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), LocaleContextHolder.getLocale()));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        problem.setProperty("code", key);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), detail);
        } else if (status.is5xxServerError()) {
            log.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), detail);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
