package org.yiwang.fieldwork;

import java.time.Duration;
import java.time.LocalDate;

/** One worker's day: the patrol time inside their own grids and whether it met the daily target. */
public record PatrolDay(long userId, LocalDate day, Duration inGrid, PatrolTarget target) {
}
