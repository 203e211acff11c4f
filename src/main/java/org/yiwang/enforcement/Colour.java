package org.yiwang.enforcement;

/** The colour a campaign's rules give a record (红黄绿码). */
public enum Colour { RED, YELLOW, GREEN }
