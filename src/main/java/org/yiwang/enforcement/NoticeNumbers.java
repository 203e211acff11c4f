package org.yiwang.enforcement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The number series of the 责令改正通知书: one per street and year, without gaps. The next number is taken by an
 * upsert of the series row in the caller's transaction, which holds that row's lock until it commits — a second
 * notice of the same street waits, and a transaction that rolls back gives its number back.
 */
@Component
class NoticeNumbers {

    private final JdbcClient jdbc;

    NoticeNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int next(String streetCode, int year) {
        return jdbc.sql("""
                        INSERT INTO enforcement_notice_series (street_code, year, last_seq) VALUES (:street, :year, 1)
                        ON CONFLICT (street_code, year) DO UPDATE SET last_seq = enforcement_notice_series.last_seq + 1
                        RETURNING last_seq""")
                .param("street", streetCode).param("year", year).query(Integer.class).single();
    }

    /** 综执责改〔2026〕002-0001号: the street's three digits inside the district, then the sequence. */
    static String format(String streetCode, int year, int seq) {
        return "综执责改〔" + year + "〕" + streetCode.substring(Math.max(0, streetCode.length() - 3)) + "-" + String.format("%04d", seq) + "号";
    }
}
