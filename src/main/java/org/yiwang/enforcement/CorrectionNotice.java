package org.yiwang.enforcement;

import java.time.Instant;
import java.time.LocalDate;

/** 责令改正通知书 — the one combined notice of a case (全科执法), numbered per street and year without gaps. */
public record CorrectionNotice(String number, int year, int seq, Instant issuedAt, String issuedByName, LocalDate rectifyBy, String requirement) {
}
