package org.yiwang.services;

/** 即办件 (done on the spot) or 承诺件 (done within a promised number of working days). */
public enum ItemKind {
    IMMEDIATE, PROMISED
}
