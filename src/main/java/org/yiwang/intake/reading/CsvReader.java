package org.yiwang.intake.reading;

import org.yiwang.platform.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Imports' CSV files, read as a stream by the platform's {@link Csv}: the first non-empty record is the
 * header, the others rows with the line they start on. A file that cannot be read (bytes not valid in the
 * charset, a quote that never ends) stops with {@link MalformedFileException} naming the line.
 */
public final class CsvReader {

    private CsvReader() {
    }

    public static void read(InputStream input, Charset charset, RowHandler handler) throws IOException {
        boolean[] headerSeen = {false};
        try {
            Csv.stream(input, charset, row -> {
                if (!headerSeen[0]) {
                    headerSeen[0] = true;
                    handler.header(row.fields());
                    return true;
                }
                return handler.row(row.line(), row.fields());
            });
        } catch (Csv.MalformedCsvException e) {
            throw new MalformedFileException(e.line(), e.getMessage(), e);
        }
    }
}
