package org.yiwang.intake.reading;

/** The file cannot be read as a table at all (wrong encoding, not a workbook, broken quoting at the end). */
public class MalformedFileException extends RuntimeException {

    private final long line;

    public MalformedFileException(long line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** Where reading stopped, 0 when unknown. */
    public long line() {
        return line;
    }
}
