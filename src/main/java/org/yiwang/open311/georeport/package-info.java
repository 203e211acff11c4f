/** The GeoReport v2 server's machinery: services and attributes, the request read model, submissions, tokens, XML/JSON. */
@org.jspecify.annotations.NullMarked
package org.yiwang.open311.georeport;
