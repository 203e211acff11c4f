package org.yiwang.intake;

/** How an external report's place was found. */
public enum LocatedBy {
    /** The report carried coordinates. */
    COORDINATES,
    /** Its address (or address code) matched the standard-address table (标准地址). */
    STANDARD_ADDRESS,
    /** The centre of its 数字城管 unit grid (单元网格). */
    UNIT_GRID,
    /** A dispatcher located it by hand. */
    DISPATCHER
}
