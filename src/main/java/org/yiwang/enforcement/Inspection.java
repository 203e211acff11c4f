package org.yiwang.enforcement;

import java.time.Instant;
import java.util.List;

/** 现场检查记录 — the checklist points that passed and failed, what was found, the photos. */
public record Inspection(long id, Instant at, String byName, List<String> passed, List<String> failed, String findings,
                         List<String> photoIds) {

    public Inspection {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
        photoIds = List.copyOf(photoIds);
    }
}
