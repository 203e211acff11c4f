package org.yiwang.intake;

import java.time.Instant;

/**
 * One change of an external report, as the status feed gives it back to the system it came from.
 *
 * @param cursor pass it as {@code after} to read on from this entry
 * @param kind {@code ORDER} (the work order moved: {@code action}, {@code from}, {@code to}), {@code PENDING}
 *             (received but not located yet) or {@code DISCARDED} (a dispatcher discarded it: {@code note})
 * @param open whether the matter still needs work (false once closed, evaluated, voided or discarded)
 * @param agency the unit handling it, when known
 * @param dueAt the due time of the stage now running
 */
public record FeedEntry(String cursor, Channel channel, String externalNo, String kind, String orderNumber, String action,
                        String from, String to, boolean open, String agency, Instant dueAt, String note, Instant at) {
}
