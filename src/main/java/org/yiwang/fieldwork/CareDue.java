package org.yiwang.fieldwork;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Period;

/**
 * 关爱走访 — when a person with care tags is next due a visit: the latest care visit plus the shortest
 * frequency of their tags (独居老人 weekly beats 高龄 monthly); never visited, due from the day they were
 * registered. Overdue once that day has passed; due on it.
 *
 * @param every the frequency (the shortest of the person's visible care tags)
 */
public record CareDue(Period every, @Nullable LocalDate lastVisit, LocalDate dueOn) {

    public enum State { OK, DUE, OVERDUE }

    public static CareDue of(Period every, @Nullable LocalDate lastVisit, LocalDate registered) {
        return new CareDue(every, lastVisit, lastVisit == null ? registered : lastVisit.plus(every));
    }

    public State state(LocalDate today) {
        if (dueOn.isBefore(today)) {
            return State.OVERDUE;
        }
        return dueOn.isEqual(today) ? State.DUE : State.OK;
    }
}
