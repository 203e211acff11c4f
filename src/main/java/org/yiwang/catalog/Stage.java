package org.yiwang.catalog;

import java.util.Optional;

/** The stage of a case that a time limit applies to. */
public enum Stage {
    /** 立案 — from report to registration by the dispatcher. */
    REGISTER,
    /** 派遣 — from registration to dispatch to the responsible department. */
    DISPATCH,
    /** 处置 — from dispatch to the department's report of the result. */
    HANDLE,
    /** 核查 — from the report of the result to the on-site check. */
    VERIFY;

    public static Optional<Stage> parse(String text) {
        return Enums.parse(Stage.class, text);
    }
}
