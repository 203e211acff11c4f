package org.yiwang.geo;

import java.util.List;

/** A division with the divisions below it, for drawing the division tree. */
public record DivisionNode(Division division, List<DivisionNode> children) {

    public DivisionNode {
        children = List.copyOf(children);
    }
}
