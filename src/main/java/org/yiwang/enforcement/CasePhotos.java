package org.yiwang.enforcement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.fieldwork.Findings;
import org.yiwang.platform.Actor;
import org.yiwang.workorder.PhotoReaders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A case's photos — its inspections' and those of the patrol finding it was opened from (转执法) — to everyone who may
 * read the case, not only to whoever took them.
 */
@Component
class CasePhotos implements PhotoReaders {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Findings findings;

    CasePhotos(JdbcClient jdbc, Cases cases, Findings findings) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.findings = findings;
    }

    @Override
    public boolean maySee(String photoId, Actor reader) {
        if (!reader.isStaff()) {
            return false;
        }
        Set<Long> caseIds = new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT case_id FROM enforcement_inspection WHERE photo_ids @> array[cast(:p AS text)] LIMIT 20""")
                .param("p", photoId).query(Long.class).list());
        List<Long> fromFindings = findings.holding(photoId);
        if (!fromFindings.isEmpty()) {
            caseIds.addAll(jdbc.sql("SELECT id FROM enforcement_case WHERE finding_id = ANY(:f) ORDER BY id LIMIT 20")
                    .param("f", fromFindings.toArray(Long[]::new)).query(Long.class).list());
        }
        return caseIds.stream().anyMatch(id -> cases.mayRead(id, reader));
    }
}
