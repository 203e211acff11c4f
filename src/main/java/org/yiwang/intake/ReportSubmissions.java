package org.yiwang.intake;

import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.util.Map;

/**
 * One report sent by the hotline's or 数字城管's system through the API: its fields (English names, as
 * {@link ReportKind}'s columns) are checked all at once — every faulty field is named, nothing is
 * written — and the report is received like a file row.
 */
@Service
public class ReportSubmissions {

    private final ReportParser parser;
    private final Reception reception;

    ReportSubmissions(ReportParser parser, Reception reception) {
        this.parser = parser;
        this.reception = reception;
    }

    public Receipt submit(ReportKind kind, Map<String, String> fields, Actor actor) {
        if (!actor.isSystem() && !actor.hasAny(Role.DISPATCHER, Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        ReportParser.Parsed parsed = parser.parse(kind, fields);
        if (!parsed.ok()) {
            throw new InvalidReportException(parsed.problems());
        }
        return reception.receive(parsed.report(), actor);
    }
}
