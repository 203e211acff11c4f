package org.yiwang.intake;

/**
 * What became of an external report so far: {@code PENDING}, {@code CREATED} (with its order) or
 * {@code DISCARDED} (with the dispatcher's reason).
 */
public record RecordStatus(long id, Channel channel, String externalNo, String status, Long orderId, String orderNumber,
                           String discardReason) {

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
