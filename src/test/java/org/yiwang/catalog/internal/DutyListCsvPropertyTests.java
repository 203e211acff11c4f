package org.yiwang.catalog.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.people.DepartmentType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DutyListCsvPropertyTests {

    @Provide
    Arbitrary<List<DutyEntry>> entryLists() {
        Arbitrary<String> codes = Arbitraries.of("C01001", "M01001", "M06010", "M09006", "L01001", "L03004");
        Arbitrary<String> notes = Arbitraries.strings().withChars("备注,\"\n\r ;#abc'=").ofMaxLength(30)
                .map(n -> n.strip().isEmpty() ? null : n.strip());
        Arbitrary<List<DepartmentType>> assists = Arbitraries.of(DepartmentType.class).set().ofMaxSize(3).map(ArrayList::new);
        Arbitrary<DutyEntry> entries = Combinators.combine(codes, Arbitraries.of(DutyLevel.class),
                Arbitraries.of(DepartmentType.class).injectNull(0.3), assists, notes).as((code, level, department, assisting, note) ->
                new DutyEntry(code, level, department, assisting.stream().filter(a -> a != department).toList(),
                        DutyEntry.defaultRuleId(code, level), note));
        return entries.list().ofMinSize(1).ofMaxSize(20).map(list -> {
            Map<String, DutyEntry> unique = new LinkedHashMap<>();
            list.forEach(e -> unique.putIfAbsent(e.ruleId(), e));
            return List.copyOf(unique.values());
        });
    }

    @Property
    void anyDutyListSurvivesExportAndImport(@ForAll("entryLists") List<DutyEntry> entries, @ForAll boolean bom) {
        DutyListCsv.Parsed parsed = DutyListCsv.parse(DutyListCsv.write(entries, bom), code -> true);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).isEqualTo(entries);
    }

    @Property
    void noInputMakesTheParserThrowAndEveryProblemHasALineInTheFile(@ForAll("garbage") String text) {
        DutyListCsv.Parsed parsed = DutyListCsv.parse(text.getBytes(StandardCharsets.UTF_8), code -> code.startsWith("M"));
        // LF, CR and CRLF end lines: counting both characters is an upper bound
        long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) lines + 1));
        assertThat(parsed.ok() || parsed.entries().isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> line = Arbitraries.strings().withChars("M09006,GRID\"OFFICE;STREET\r\n LAW_ENFORCEMENT").ofMaxLength(60);
        return line.list().ofMaxSize(8).map(lines -> DutyListCsvTests.HEADER + String.join("\n", lines));
    }
}
