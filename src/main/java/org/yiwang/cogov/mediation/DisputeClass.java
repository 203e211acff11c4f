package org.yiwang.cogov.mediation;

import org.jspecify.annotations.Nullable;

/** 纠纷类别: the kind of dispute. */
public enum DisputeClass {
    /** 邻里纠纷. */
    NEIGHBOUR,
    /** 婚姻家庭纠纷. */
    FAMILY,
    /** 物业纠纷. */
    PROPERTY,
    /** 劳资纠纷. */
    LABOUR,
    /** 土地纠纷. */
    LAND,
    /** 消费纠纷. */
    CONSUMER,
    /** 其他纠纷. */
    OTHER;

    /** The class a work order's category suggests (local categories L01…: 邻里, 物业, 劳资 …). */
    public static DisputeClass ofCategory(@Nullable String category) {
        if (category == null) {
            return OTHER;
        }
        return switch (category) {
            case "L01001", "L01005", "L01007", "L01008" -> NEIGHBOUR;
            case "L01002" -> PROPERTY;
            case "L01004" -> LABOUR;
            default -> OTHER;
        };
    }
}
