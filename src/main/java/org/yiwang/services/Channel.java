package org.yiwang.services;

import org.yiwang.platform.MessageKey;

/** How an application arrives: online (不见面), at the window, or at the door (上门, 帮办代办). */
public enum Channel {
    ONLINE, WINDOW, DOOR;

    /** The channel's name in the reader's language ({@code services.channel.*}), as an argument of a localized message. */
    public MessageKey label() {
        return new MessageKey("services.channel." + name());
    }
}
