package org.yiwang.intake;

import org.springframework.http.HttpStatus;
import org.yiwang.platform.LocalizedException;

import java.util.List;

/** A report with one or more faulty fields: all of them are named at once, nothing is written. */
public class InvalidReportException extends LocalizedException {

    private final transient List<FieldProblem> problems;

    public InvalidReportException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "intake.error.invalidReport", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
