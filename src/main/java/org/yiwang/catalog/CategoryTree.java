package org.yiwang.catalog;

import java.util.List;

/** Categories grouped by kind, then major class, each in code order. */
public record CategoryTree(List<KindNode> kinds, int categories) {

    public CategoryTree {
        kinds = List.copyOf(kinds);
    }

    public record KindNode(CategoryKind kind, List<MajorClassNode> majorClasses) {

        public KindNode {
            majorClasses = List.copyOf(majorClasses);
        }
    }

    public record MajorClassNode(MajorClass majorClass, List<Category> categories) {

        public MajorClassNode {
            categories = List.copyOf(categories);
        }
    }
}
