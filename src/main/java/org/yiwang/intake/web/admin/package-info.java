/** Intake administration screens: webhook deliveries and their senders. */
@org.jspecify.annotations.NullMarked
package org.yiwang.intake.web.admin;
