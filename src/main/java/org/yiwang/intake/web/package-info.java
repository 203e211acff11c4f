/** The intake JSON API: hotline and 数字城管 reports, imports, standard addresses, pending reports, the status feed, webhooks. */
@org.jspecify.annotations.NullMarked
package org.yiwang.intake.web;
