package org.yiwang.open311.georeport;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The filters of GET requests, already checked.
 *
 * @param ids service_request_id list; when given, every other filter but the jurisdiction is ignored (spec)
 * @param statuses {@code open} and/or {@code closed}; empty for both
 * @param bbox min longitude, min latitude, max longitude, max latitude (extension); null for none
 * @param jurisdictionPrefix code prefix of the jurisdiction, "" for all
 * @param page 1-based page (extension)
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Set<String> statuses,
                           Instant updatedAfter, double[] bbox, String jurisdictionPrefix, int page, int pageSize) {

    public RequestQuery {
        ids = List.copyOf(ids);
        serviceCodes = List.copyOf(serviceCodes);
        statuses = Set.copyOf(statuses);
    }
}
