package org.yiwang.catalog;

import org.yiwang.people.DepartmentType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the duty list (职责清单/派单目录): who handles a category at a level.
 *
 * @param department the responsible kind of department within the level's division; null means the
 *                   level's own office ({@link DutyLevel#office()}: the grid worker, the community workstation…)
 * @param assisting departments that join the handling (联合处置), never the responsible one
 * @param ruleId stable identifier that routing decisions record, e.g. {@code DL-M09015-STREET}
 */
public record DutyEntry(String categoryCode, DutyLevel level, DepartmentType department, List<DepartmentType> assisting,
                        String ruleId, String note) {

    public static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    public static final int MAX_NOTE_LENGTH = 500;

    public DutyEntry {
        if (!Category.isCode(categoryCode)) {
            throw new IllegalArgumentException("not a category code: " + categoryCode);
        }
        Objects.requireNonNull(level, "level");
        assisting = List.copyOf(assisting);
        if (Set.copyOf(assisting).size() != assisting.size()) {
            throw new IllegalArgumentException("assisting departments repeat: " + assisting);
        }
        if (department != null && assisting.contains(department)) {
            throw new IllegalArgumentException("the responsible department cannot also assist: " + department);
        }
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("rule id must be 1–60 letters, digits, '.', '_' or '-': " + ruleId);
        }
        note = note == null || note.isBlank() ? null : note.strip();
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("note longer than " + MAX_NOTE_LENGTH + " characters");
        }
    }

    /** The rule id an entry gets when the file leaves it empty: {@code DL-<category>-<LEVEL>}. */
    public static String defaultRuleId(String categoryCode, DutyLevel level) {
        return "DL-" + categoryCode + "-" + level.name();
    }

    /** The responsible department, empty when the level's own office handles it. */
    public Optional<DepartmentType> responsibleDepartment() {
        return Optional.ofNullable(department);
    }

    /** Whether the level's own office (rather than a department) is responsible: handling by the territory (属地). */
    public boolean byOffice() {
        return department == null;
    }
}
