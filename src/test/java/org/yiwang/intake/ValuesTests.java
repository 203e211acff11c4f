package org.yiwang.intake;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Urgency;
import org.yiwang.catalog.WorkSchedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

    static Instant cst(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void dateTimesInTheShapesChineseExportsWriteThemAreReadAsChinaStandardTime() {
        Instant expected = cst("2026-05-06T09:12:00");
        for (String text : List.of("2026-05-06 09:12:00", "2026-05-06 09:12", "2026/5/6 9:12", "2026/05/06 09:12:00",
                "2026年5月6日 9时12分", "2026年05月06日09:12", "2026-05-06T09:12:00", "2026-05-06T09:12:00+08:00",
                "2026-05-06T01:12:00Z", "2026.05.06 09:12:00")) {
            assertThat(Values.dateTime(text)).as(text).contains(expected);
        }
        assertThat(Values.dateTime("2026-05-06")).contains(cst("2026-05-06T00:00:00"));
    }

    @Test
    void excelSerialDatesAreUnderstoodAndOtherNumbersAreNot() {
        // 46148.3833… is 2026-05-06 09:12 in Excel's 1900 date system
        assertThat(Values.dateTime("46148.38333333333")).contains(cst("2026-05-06T09:12:00"));
        assertThat(Values.dateTime("12345")).isEmpty();
    }

    @Test
    void nonsenseIsNoDateTime() {
        for (String text : List.of("昨天", "2026-13-01 10:00", "2026-02-30", "2026-05-06 25:00", "soon", "")) {
            assertThat(Values.dateTime(text)).as(text).isEmpty();
        }
    }

    @Test
    void aTimeLimitIsADateTimeOrADurationFromTheCall() {
        Instant call = cst("2026-05-06T09:12:00"); // a Wednesday
        WorkSchedule calendar = WorkSchedule.standard(List.of());
        assertThat(Values.due("2026-05-09 18:00", call, calendar)).contains(cst("2026-05-09T18:00:00"));
        assertThat(Values.due("24小时", call, calendar)).contains(cst("2026-05-07T09:12:00"));
        assertThat(Values.due("2天", call, calendar)).contains(cst("2026-05-08T09:12:00"));
        // three working days from Wednesday morning: the next Monday, same time
        assertThat(Values.due("3个工作日", call, calendar)).contains(cst("2026-05-11T09:12:00"));
        assertThat(Values.due("尽快", call, calendar)).isEmpty();
    }

    @Test
    void urgencyInWords() {
        assertThat(Values.urgency("一般")).contains(Urgency.NORMAL);
        assertThat(Values.urgency("")).contains(Urgency.NORMAL);
        assertThat(Values.urgency("加急")).contains(Urgency.URGENT);
        assertThat(Values.urgency("特急")).contains(Urgency.CRITICAL);
        assertThat(Values.urgency("urgent")).contains(Urgency.URGENT);
        assertThat(Values.urgency("十万火急")).isEmpty();
    }

    @Test
    void timesAreWrittenWithTheOffset() {
        assertThat(Values.iso(cst("2026-05-06T09:00:00"))).isEqualTo("2026-05-06T09:00:00+08:00");
    }

    @Test
    void callerNamesKeepTheFamilyNameOnly() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.phone("13912345678")).isEqualTo("139****5678");
    }
}
