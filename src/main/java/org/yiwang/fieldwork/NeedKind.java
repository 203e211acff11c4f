package org.yiwang.fieldwork;

/** 走访发现的诉求 — the kinds of need a household visit finds, besides the free text. */
public enum NeedKind {
    /** 养老照护 */ ELDERLY_CARE,
    /** 医疗健康 */ HEALTH,
    /** 就业 */ EMPLOYMENT,
    /** 住房 */ HOUSING,
    /** 困难救助 */ HARDSHIP,
    /** 安全隐患 */ SAFETY_HAZARD,
    /** 矛盾纠纷 */ DISPUTE,
    /** 环境卫生 */ ENVIRONMENT,
    /** 政策咨询 */ POLICY,
    /** 其他 */ OTHER
}
