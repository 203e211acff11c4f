package org.yiwang.intake.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats imports accept, and how to read each one. */
public enum TableFormat {
    CSV,
    XLSX;

    /** The format a file name, content type or (failing both) the file's first bytes say. */
    public static TableFormat detect(String fileName, String contentType, Path file) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || type.contains("spreadsheetml")) {
            return XLSX;
        }
        if (name.endsWith(".csv") || type.startsWith("text/csv") || type.startsWith("text/plain")) {
            return CSV;
        }
        try (InputStream in = new BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4 ? XLSX : CSV;
        }
    }

    public static Optional<TableFormat> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "xlsx", "excel" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }

    /** Reads the file row by row into {@code handler}; CSV in {@code charset} (a UTF-8 byte-order mark wins). */
    public void read(Path file, Charset charset, RowHandler handler) throws IOException {
        switch (this) {
            case CSV -> {
                try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                    CsvReader.read(in, charset, handler);
                }
            }
            case XLSX -> XlsxReader.read(file, handler);
        }
    }
}
