package org.yiwang.open311.georeport;

import java.util.List;

/**
 * A service attribute of GeoReport v2: a question a request of this service may (or must) answer.
 *
 * @param datatype {@code string}, {@code number}, {@code datetime}, {@code text}, {@code singlevaluelist} or {@code multivaluelist}
 * @param values the allowed keys of a list, in order; empty for the other datatypes
 */
public record Attribute(String code, String datatype, boolean required, List<String> values) {

    public Attribute {
        values = List.copyOf(values);
    }

    static Attribute of(String code, String datatype, boolean required, String... values) {
        return new Attribute(code, datatype, required, List.of(values));
    }

    boolean isList() {
        return datatype.endsWith("valuelist");
    }
}
