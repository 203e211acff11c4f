/** Streaming readers of the tables other systems export: CSV (RFC 4180) and Excel .xlsx. */
package org.yiwang.intake.reading;
