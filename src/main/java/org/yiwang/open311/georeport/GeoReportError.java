package org.yiwang.open311.georeport;

/**
 * One error as GeoReport v2 answers it: {@code {code, description}}. The code is the HTTP status the
 * error stands for (400, 403, 404, 429).
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "Open311Error")
public record GeoReportError(int code, String description) {
}
