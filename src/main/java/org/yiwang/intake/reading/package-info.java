/** Streaming readers of the tables other systems export: CSV (RFC 4180) and Excel .xlsx. */
@org.jspecify.annotations.NullMarked
package org.yiwang.intake.reading;
