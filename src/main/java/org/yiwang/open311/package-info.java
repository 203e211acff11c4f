/**
 * Open311 GeoReport v2 at {@code /open311/v2} (XML and JSON): the service list from the catalog, service
 * definitions with attributes, requests in through the one intake pipeline, a public read model of the
 * requests' status, tokens, and the API keys administrators issue to client applications.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Open311",
        allowedDependencies = {"platform", "geo", "catalog", "people", "workorder", "intake"})
package org.yiwang.open311;
