package org.yiwang.services;

import java.util.Optional;

/**
 * Who may approve an item (审批层级): the street always; a community only where the item is 街社同权 and the
 * community has not switched 街社同权 off. Each rule names its refusal.
 */
public enum ApprovalLevel {
    /** 街道便民服务中心 approves every item of its street. */
    STREET_APPROVES("services.error.notApprover"),
    /** 街社同权: the item is handed down to communities ... */
    ITEM_HANDED_DOWN("services.error.itemNotHandedDown"),
    /** ... and the community has not switched it off. */
    COMMUNITY_SWITCHED_ON("services.error.communityRightsOff");

    public final String refusal;

    ApprovalLevel(String refusal) {
        this.refusal = refusal;
    }

    /** The refusal's message key when an approver of {@code level} may not approve {@code item} in a community with the switch as given. */
    public static Optional<String> refusal(ServiceItem item, Level level, boolean communitySameRights) {
        if (level == Level.STREET) {
            return Optional.empty();
        }
        if (!item.sameRights()) {
            return Optional.of(ITEM_HANDED_DOWN.refusal);
        }
        if (!communitySameRights) {
            return Optional.of(COMMUNITY_SWITCHED_ON.refusal);
        }
        return Optional.empty();
    }
}
