package org.yiwang.open311.georeport;

import java.util.List;

/**
 * A GeoReport call that cannot be answered: the list of errors, all of them at once. The HTTP status is
 * the most telling of the errors' codes (an api_key problem wins over bad fields).
 */
public class GeoReportException extends RuntimeException {

    private final transient List<GeoReportError> errors;

    public GeoReportException(List<GeoReportError> errors) {
        super(errors.isEmpty() ? "GeoReport error" : errors.getFirst().description(), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public GeoReportException(int code, String description) {
        this(List.of(new GeoReportError(code, description)));
    }

    public List<GeoReportError> errors() {
        return errors;
    }

    /** 403 (api_key) before 429 (rate) before 404 before 400. */
    public int status() {
        for (int preferred : new int[]{403, 429, 404, 400}) {
            if (errors.stream().anyMatch(e -> e.code() == preferred)) {
                return preferred;
            }
        }
        return errors.getFirst().code();
    }
}
