package org.yiwang.catalog.internal;

import org.yiwang.platform.Csv;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.catalog.DutyListImport.Problem;
import org.yiwang.people.DepartmentType;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The duty list as a CSV file: UTF-8 (a byte-order mark is allowed and written), a header line, then
 * one entry per line:
 * <pre>
 * category_code,level,department_type,assisting_department_types,rule_id,note
 * M09006,GRID,OFFICE,,DL-M09006-GRID,即发即处
 * M09006,STREET,LAW_ENFORCEMENT,MARKET_REGULATION;URBAN_MANAGEMENT,DL-M09006-STREET,
 * </pre>
 * {@code OFFICE} names the level's own office; assisting department types are separated by {@code ;};
 * an empty rule id becomes {@code DL-<category>-<LEVEL>}. Reading checks every row and reports every
 * fault with its line; a file with any fault yields no entries.
 */
public final class DutyListCsv {

    public static final List<String> HEADER = List.of("category_code", "level", "department_type",
            "assisting_department_types", "rule_id", "note");
    public static final String OFFICE = "OFFICE";
    public static final int MAX_ROWS = 50_000;
    static final String KEY = "catalog.dutyList.import.";

    private DutyListCsv() {
    }

    /**
     * @param entries the entries in file order, empty when there are problems
     * @param rows data rows in the file
     * @param problems every problem, in line order
     */
    public record Parsed(List<DutyEntry> entries, int rows, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads and checks a file; {@code knownCategory} tells whether a category code exists. */
    public static Parsed parse(byte[] file, Predicate<String> knownCategory) {
        if (file == null || file.length == 0) {
            return rejected(0, Problem.of(0, KEY + "empty"));
        }
        String text;
        try {
            text = decode(file);
        } catch (MalformedAt e) {
            return rejected(0, Problem.of(e.line, KEY + "encoding"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Csv.Row> records = Csv.read(text, false);
        if (records.isEmpty()) {
            return rejected(0, Problem.of(0, KEY + "empty"));
        }
        List<Problem> problems = new ArrayList<>();
        Csv.Row header = records.getFirst();
        if (header.malformed() || !isHeader(header.fields())) {
            problems.add(Problem.of(header.line(), KEY + "header", String.join(",", HEADER)));
        }
        List<Csv.Row> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            problems.add(Problem.of(0, KEY + "empty"));
            return rejected(0, problems);
        }
        if (rows.size() > MAX_ROWS) {
            problems.add(Problem.of(rows.get(MAX_ROWS).line(), KEY + "tooManyRows", MAX_ROWS));
            return rejected(rows.size(), problems);
        }
        List<DutyEntry> entries = new ArrayList<>();
        Map<String, Integer> linesByKey = new HashMap<>();
        Map<String, Integer> linesByRuleId = new HashMap<>();
        for (Csv.Row row : rows) {
            DutyEntry entry = entry(row, knownCategory, problems);
            if (entry == null) {
                continue;
            }
            Integer first = linesByKey.putIfAbsent(entry.categoryCode() + "/" + entry.level(), row.line());
            if (first != null) {
                // a repeated default rule id follows from the repeated key: one problem is enough
                problems.add(Problem.of(row.line(), KEY + "duplicate", entry.categoryCode(), entry.level(), first));
                continue;
            }
            Integer ruleLine = linesByRuleId.putIfAbsent(entry.ruleId().toUpperCase(Locale.ROOT), row.line());
            if (ruleLine != null) {
                problems.add(Problem.of(row.line(), KEY + "ruleIdDuplicate", entry.ruleId(), ruleLine));
            }
            entries.add(entry);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line));
            return rejected(rows.size(), problems);
        }
        return new Parsed(List.copyOf(entries), rows.size(), List.of());
    }

    /** The entry of a row, or null after adding its problems. */
    private static DutyEntry entry(Csv.Row row, Predicate<String> knownCategory, List<Problem> problems) {
        int line = row.line();
        if (row.malformed()) {
            String key = switch (row.fault()) {
                case UNTERMINATED_QUOTE -> "unterminatedQuote";
                case TEXT_AFTER_QUOTE -> "textAfterQuote";
                case STRAY_QUOTE -> "strayQuote";
            };
            problems.add(Problem.of(line, KEY + key));
            return null;
        }
        List<String> fields = row.fields();
        if (fields.size() != HEADER.size()) {
            problems.add(Problem.of(line, KEY + "columns", HEADER.size(), fields.size()));
            return null;
        }
        int before = problems.size();
        String code = fields.get(0).strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            problems.add(Problem.of(line, KEY + "categoryMissing"));
        } else if (!knownCategory.test(code)) {
            problems.add(Problem.of(line, KEY + "categoryUnknown", fields.get(0).strip()));
        }
        String levelText = fields.get(1).strip();
        DutyLevel level = DutyLevel.parse(levelText).orElse(null);
        if (levelText.isEmpty()) {
            problems.add(Problem.of(line, KEY + "levelMissing"));
        } else if (level == null) {
            problems.add(Problem.of(line, KEY + "levelUnknown", levelText));
        }
        String departmentText = fields.get(2).strip();
        DepartmentType department = null;
        if (departmentText.isEmpty()) {
            problems.add(Problem.of(line, KEY + "departmentMissing"));
        } else if (!departmentText.equalsIgnoreCase(OFFICE)) {
            department = departmentType(departmentText);
            if (department == null) {
                problems.add(Problem.of(line, KEY + "departmentUnknown", departmentText));
            }
        }
        Set<DepartmentType> assisting = new LinkedHashSet<>();
        for (String part : fields.get(3).split(";", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            DepartmentType assist = departmentType(name);
            if (assist == null) {
                problems.add(Problem.of(line, KEY + "assistUnknown", name));
            } else if (assist == department) {
                problems.add(Problem.of(line, KEY + "assistIsResponsible", name));
            } else if (!assisting.add(assist)) {
                problems.add(Problem.of(line, KEY + "assistRepeated", name));
            }
        }
        String ruleId = fields.get(4).strip();
        if (ruleId.isEmpty() && level != null && !code.isEmpty()) {
            ruleId = DutyEntry.defaultRuleId(code, level);
        } else if (!ruleId.isEmpty() && !DutyEntry.RULE_ID.matcher(ruleId).matches()) {
            problems.add(Problem.of(line, KEY + "ruleIdInvalid", ruleId));
        }
        String note = fields.get(5).strip();
        if (note.length() > DutyEntry.MAX_NOTE_LENGTH) {
            problems.add(Problem.of(line, KEY + "noteTooLong", DutyEntry.MAX_NOTE_LENGTH));
        }
        if (problems.size() > before) {
            return null;
        }
        return new DutyEntry(code, level, department, List.copyOf(assisting), ruleId, note);
    }

    private static DepartmentType departmentType(String text) {
        try {
            return DepartmentType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isHeader(List<String> fields) {
        if (fields.size() != HEADER.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).strip().equalsIgnoreCase(HEADER.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Parsed rejected(int rows, Problem problem) {
        return new Parsed(List.of(), rows, List.of(problem));
    }

    private static Parsed rejected(int rows, List<Problem> problems) {
        return new Parsed(List.of(), rows, List.copyOf(problems));
    }

    /** The file in the import format, with a byte-order mark when {@code bom} is on, lines ending in CRLF. */
    public static byte[] write(List<DutyEntry> entries, boolean bom) {
        StringBuilder text = new StringBuilder(64 * (entries.size() + 1));
        if (bom) {
            text.append('\uFEFF');
        }
        text.append(Csv.line(HEADER));
        for (DutyEntry e : entries) {
            text.append(Csv.line(List.of(e.categoryCode(), e.level().name(),
                    e.department() == null ? OFFICE : e.department().name(),
                    String.join(";", e.assisting().stream().map(Enum::name).toList()),
                    e.ruleId(), e.note() == null ? "" : e.note())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(byte[] file) throws MalformedAt {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(file)).toString();
        } catch (MalformedInputException e) {
            throw new MalformedAt(lineOfByte(file, firstMalformedByte(file)));
        } catch (CharacterCodingException e) {
            throw new MalformedAt(1);
        }
    }

    /** Offset of the first byte where UTF-8 decoding fails. */
    private static int firstMalformedByte(byte[] file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer out = CharBuffer.allocate(file.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static int lineOfByte(byte[] file, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < file.length; i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final class MalformedAt extends Exception {

        final int line;

        MalformedAt(int line) {
            super(null, null, false, false);
            this.line = line;
        }
    }
}
