package org.yiwang.open311.web;

import org.springframework.stereotype.Component;
import org.yiwang.open311.georeport.Formats;
import org.yiwang.platform.ErrorFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors under {@code /open311/} that no controller answers — Tomcat's refusals, the request guard's, the error
 * page's — in GeoReport v2's error list ({@code [{code, description}]}), JSON for {@code .json} paths, else XML.
 */
@Component
class GeoReportErrorFormat implements ErrorFormat {

    @Override
    public boolean appliesTo(String path) {
        return path.startsWith("/open311/");
    }

    @Override
    public Rendered render(String path, int status, String description) {
        Formats format = path.endsWith(".json") ? Formats.JSON : Formats.XML;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("description", description);
        return new Rendered(format.contentType(), format.write("errors", List.of(error)));
    }
}
