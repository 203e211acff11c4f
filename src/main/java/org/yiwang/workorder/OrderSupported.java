package org.yiwang.workorder;

/**
 * A resident added 附议 (me too) to an open order: the sorter weighs it in hot spots, followers may tell the
 * reporter. Published once per resident and order, in the transaction that recorded it.
 *
 * @param residentsAffected the reporter plus every supporter so far
 */
public record OrderSupported(long orderId, String districtCode, String gridCode, long supporterUserId, int residentsAffected) {
}
