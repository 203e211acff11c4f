package org.yiwang.services;

/** How an application arrives: online (不见面), at the window, or at the door (上门, 帮办代办). */
public enum Channel {
    ONLINE, WINDOW, DOOR
}
