package org.yiwang.intake.reading;

import java.util.List;

/** Receives a table one row at a time, so that no file is ever held in memory whole. */
public interface RowHandler {

    /** The first non-empty row. */
    void header(List<String> cells);

    /**
     * A data row (empty rows are skipped).
     *
     * @param line 1-based line (CSV: where the record starts) or row number (Excel) in the file
     * @return false to stop reading
     */
    boolean row(long line, List<String> cells);
}
