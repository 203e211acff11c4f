package org.yiwang.platform;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.Writer;

/**
 * Tomcat's answer to what it refuses before any servlet runs — a NUL or an encoded slash in the path, headers
 * over 8 KB, an undecodable URI — as a problem (or Open311 error list) in the caller's language instead of
 * Tomcat's HTML page. Replaces the host's {@link ErrorReportValve}; never shows a stack trace or server version.
 */
class ProblemReportValve extends ErrorReportValve {

    private final EdgeErrors errors;

    ProblemReportValve(EdgeErrors errors) {
        this.errors = errors;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            String path = request.getRequestURI() == null ? "" : request.getRequestURI();
            ErrorFormat.Rendered rendered = errors.render(path, EdgeErrors.localeOf(request), status, EdgeErrors.keyOf(status),
                    String.valueOf(status));
            response.setContentType(rendered.contentType());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(rendered.body(), java.nio.charset.StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (Exception | LinkageError e) {
            // the error answer itself failed: the status alone remains, as Tomcat would leave it
            container.getLogger().debug("could not write the problem for status " + status, e);
        }
    }
}
