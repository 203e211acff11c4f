package org.yiwang.geo;

/** A division named by code and name, as it appears in a location or a grid. */
public record DivisionRef(String code, String name) {
}
