package org.yiwang.intake;

/**
 * What became of one external report.
 *
 * @param recordId the intake record (one per channel and external number)
 * @param orderId the work order, null while the report waits for a dispatcher to locate it
 * @param locatedBy how the place was found, null while pending
 */
public record Receipt(Outcome outcome, long recordId, Channel channel, String externalNo, Long orderId, String orderNumber,
                      LocatedBy locatedBy, String addressCode) {

    public enum Outcome {
        /** A work order was created now. */
        CREATED,
        /** The place could not be found: the report waits for a dispatcher (待定位). */
        PENDING,
        /** The channel sent this number before: nothing new was created; the earlier result is returned. */
        DUPLICATE
    }
}
