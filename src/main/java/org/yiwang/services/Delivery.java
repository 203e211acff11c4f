package org.yiwang.services;

/** How the result reaches the applicant: 自取 at the window or 邮寄. */
public enum Delivery {
    PICKUP, MAIL
}
