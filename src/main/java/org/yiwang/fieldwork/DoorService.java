package org.yiwang.fieldwork;

/** 上门服务 — services done at the door during a household visit (seed 004 counts them). */
public enum DoorService {
    /** 政策宣传 */ POLICY_EXPLAINED,
    /** 信息采集更新 */ INFORMATION_UPDATED,
    /** 帮办代办 */ ERRAND_DONE,
    /** 安全检查 */ SAFETY_CHECKED,
    /** 关怀慰问 */ CARE_GIVEN,
    /** 矛盾调解 */ DISPUTE_SETTLED,
    /** 其他 */ OTHER
}
