package org.yiwang.catalog.internal;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.DutyListImport.Problem;
import org.yiwang.people.DepartmentType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DutyListCsvTests {

    static final String HEADER = "category_code,level,department_type,assisting_department_types,rule_id,note\n";
    static final Predicate<String> KNOWN = Set.of("M09006", "M06010", "L01001", "C01001")::contains;

    static DutyListCsv.Parsed parse(String text) {
        return DutyListCsv.parse(text.getBytes(StandardCharsets.UTF_8), KNOWN);
    }

    static List<Integer> lines(DutyListCsv.Parsed parsed) {
        return parsed.problems().stream().map(Problem::line).toList();
    }

    static List<String> keys(DutyListCsv.Parsed parsed) {
        return parsed.problems().stream().map(p -> p.messageKey().substring(DutyListCsv.KEY.length())).toList();
    }

    @Test
    void readsAGoodFileWithByteOrderMarkCrlfAndQuotedFields() {
        DutyListCsv.Parsed parsed = DutyListCsv.parse(("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "M09006,GRID,OFFICE,,DL-M09006-GRID,即发即处\r\n"
                + "m09006, street ,law_enforcement,MARKET_REGULATION; URBAN_MANAGEMENT,,\"劝离, 再处罚\"\r\n"
                + "\r\n"
                + "L01001,COMMUNITY,OFFICE,,,\"多行\n备注，含 \"\"引号\"\"\"\r\n"
                + "L01001,STREET,OFFICE,,custom.rule-1,\r\n").getBytes(StandardCharsets.UTF_8), KNOWN);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).isEqualTo(4);
        assertThat(parsed.entries()).extracting(DutyEntry::categoryCode, DutyEntry::level, DutyEntry::department, DutyEntry::ruleId)
                .containsExactly(
                        tuple("M09006", DutyLevel.GRID, null, "DL-M09006-GRID"),
                        tuple("M09006", DutyLevel.STREET, DepartmentType.LAW_ENFORCEMENT, "DL-M09006-STREET"),
                        tuple("L01001", DutyLevel.COMMUNITY, null, "DL-L01001-COMMUNITY"),
                        tuple("L01001", DutyLevel.STREET, null, "custom.rule-1"));
        assertThat(parsed.entries().get(1).assisting())
                .containsExactly(DepartmentType.MARKET_REGULATION, DepartmentType.URBAN_MANAGEMENT);
        assertThat(parsed.entries().get(1).note()).isEqualTo("劝离, 再处罚");
        assertThat(parsed.entries().get(2).note()).isEqualTo("多行\n备注，含 \"引号\"");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(keys(parse(""))).containsExactly("empty");
        assertThat(keys(parse("\uFEFF"))).containsExactly("empty");
        assertThat(keys(parse("\n\n"))).containsExactly("empty");
    }

    @Test
    void aFileWithOnlyTheHeaderIsRefusedAsEmpty() {
        DutyListCsv.Parsed parsed = parse(HEADER);
        assertThat(keys(parsed)).containsExactly("empty");
        assertThat(parsed.entries()).isEmpty();
    }

    @Test
    void aWrongHeaderIsReportedOnLineOne() {
        DutyListCsv.Parsed parsed = parse("code,level,department\nM09006,GRID,OFFICE,,,\n");
        assertThat(keys(parsed)).containsExactly("header");
        assertThat(lines(parsed)).containsExactly(1);
    }

    @Test
    void aWrongColumnCountIsReportedWithItsLine() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,GRID,OFFICE,,,\nM09006,STREET,LAW_ENFORCEMENT\nM06010,STREET,SANITATION,,,,extra\n");
        assertThat(keys(parsed)).containsExactly("columns", "columns");
        assertThat(lines(parsed)).containsExactly(3, 4);
        assertThat(parsed.problems().getFirst().args()).containsExactly("6", "3");
        assertThat(parsed.entries()).isEmpty();
    }

    @Test
    void anUnterminatedQuoteIsReportedAndTheLinesAfterItAreStillChecked() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,GRID,OFFICE,,,\"not closed\nM06010,STREET,NOPE,,,\n");
        assertThat(keys(parsed)).containsExactly("unterminatedQuote", "departmentUnknown");
        assertThat(lines(parsed)).containsExactly(2, 3);
    }

    @Test
    void textAfterAClosingQuoteAndAStrayQuoteAreMalformedLines() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,GRID,OFFICE,,,\"note\"tail\nM06010,STREET,SANI\"TATION,,,\nL01001,COMMUNITY,OFFICE,,,\n");
        assertThat(keys(parsed)).containsExactly("textAfterQuote", "strayQuote");
        assertThat(lines(parsed)).containsExactly(2, 3);
    }

    @Test
    void unknownCategoryLevelAndDepartmentAreEachReported() {
        DutyListCsv.Parsed parsed = parse(HEADER
                + "X99999,GRID,OFFICE,,,\n"
                + "M09006,BLOCK,OFFICE,,,\n"
                + "M06010,STREET,CITY_HALL,,,\n"
                + "L01001,STREET,OFFICE,POLICE_STATION;MINISTRY,,\n"
                + "C01001,,,,,\n");
        assertThat(parsed.problems()).extracting(Problem::line, p -> p.messageKey().substring(DutyListCsv.KEY.length()), Problem::args)
                .containsExactly(
                        tuple(2, "categoryUnknown", List.of("X99999")),
                        tuple(3, "levelUnknown", List.of("BLOCK")),
                        tuple(4, "departmentUnknown", List.of("CITY_HALL")),
                        tuple(5, "assistUnknown", List.of("MINISTRY")),
                        tuple(6, "levelMissing", List.of()),
                        tuple(6, "departmentMissing", List.of()));
    }

    @Test
    void aRepeatedCategoryAndLevelNamesTheLineThatGaveItFirst() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,STREET,LAW_ENFORCEMENT,,,\nM06010,STREET,SANITATION,,,\nm09006,street,URBAN_MANAGEMENT,,other-rule,\n");
        assertThat(keys(parsed)).containsExactly("duplicate");
        assertThat(lines(parsed)).containsExactly(4);
        assertThat(parsed.problems().getFirst().args()).containsExactly("M09006", "STREET", "2");
    }

    @Test
    void ruleIdsMustBeWellFormedAndUnique() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,STREET,LAW_ENFORCEMENT,,R-1,\nM06010,STREET,SANITATION,,r-1,\nL01001,COMMUNITY,OFFICE,,has space,\n");
        assertThat(keys(parsed)).containsExactly("ruleIdDuplicate", "ruleIdInvalid");
        assertThat(lines(parsed)).containsExactly(3, 4);
    }

    @Test
    void assistingDepartmentsMayNeitherRepeatNorBeTheResponsibleOne() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,STREET,LAW_ENFORCEMENT,LAW_ENFORCEMENT,,\nM06010,STREET,SANITATION,HEALTH;HEALTH,,\n");
        assertThat(keys(parsed)).containsExactly("assistIsResponsible", "assistRepeated");
        assertThat(lines(parsed)).containsExactly(2, 3);
    }

    @Test
    void aNoteLongerThanAllowedIsRefused() {
        DutyListCsv.Parsed parsed = parse(HEADER + "M09006,STREET,LAW_ENFORCEMENT,,," + "很".repeat(501) + "\n");
        assertThat(keys(parsed)).containsExactly("noteTooLong");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] gbk = (HEADER + "M09006,GRID,OFFICE,,,").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[gbk.length + 3];
        System.arraycopy(gbk, 0, file, 0, gbk.length);
        file[gbk.length] = (byte) 0xBC; // 即 in GBK: not UTF-8
        file[gbk.length + 1] = (byte) 0xB4;
        file[gbk.length + 2] = '\n';
        DutyListCsv.Parsed parsed = DutyListCsv.parse(file, KNOWN);
        assertThat(keys(parsed)).containsExactly("encoding");
        assertThat(lines(parsed)).containsExactly(2);
    }

    @Test
    void everyBadRowIsReportedInLineOrderAndNoEntryIsKept() {
        DutyListCsv.Parsed parsed = parse(HEADER
                + "M09006,GRID,OFFICE,,,\n"
                + "M09006,NOWHERE,OFFICE,,,\n"
                + "M06010,STREET,SANITATION,,,\n"
                + "Z1,STREET,SANITATION\n"
                + "M06010,STREET,SANITATION,,,\n");
        assertThat(lines(parsed)).containsExactly(3, 5, 6);
        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.ok()).isFalse();
    }

    @Test
    void whatIsWrittenReadsBackUnchanged() {
        List<DutyEntry> entries = List.of(
                new DutyEntry("M09006", DutyLevel.GRID, null, List.of(), "DL-M09006-GRID", "即发即处"),
                new DutyEntry("M09006", DutyLevel.STREET, DepartmentType.LAW_ENFORCEMENT,
                        List.of(DepartmentType.MARKET_REGULATION, DepartmentType.URBAN_MANAGEMENT), "DL-M09006-STREET",
                        "含逗号, \"引号\"和\n换行"),
                new DutyEntry("L01001", DutyLevel.COMMUNITY, null, List.of(), "custom", null));
        byte[] file = DutyListCsv.write(entries, true);
        assertThat(file[0]).isEqualTo((byte) 0xEF);
        DutyListCsv.Parsed parsed = DutyListCsv.parse(file, KNOWN);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).isEqualTo(entries);
    }
}
