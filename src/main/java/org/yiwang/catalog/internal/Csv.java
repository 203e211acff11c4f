package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them: fields in double quotes may hold commas, line breaks and
 * doubled quotes; records end at LF, CRLF or CR. Reading never throws: a malformed record is returned
 * with its fault, and reading goes on at the next line, so that one bad line does not hide the others.
 */
public final class Csv {

    private Csv() {
    }

    /** What is wrong with a malformed record. */
    public enum Fault {
        /** A quoted field runs to the end of the file. */
        UNTERMINATED_QUOTE,
        /** Something other than a comma or line end follows a closing quote. */
        TEXT_AFTER_QUOTE,
        /** A quote appears inside a field that does not start with one. */
        STRAY_QUOTE
    }

    /**
     * A record of the file.
     *
     * @param line 1-based line where the record starts
     * @param fields the fields, empty when the record is malformed
     * @param fault null for a well-formed record
     */
    public record Row(int line, List<String> fields, Fault fault) {

        public Row {
            fields = List.copyOf(fields);
        }

        public boolean malformed() {
            return fault != null;
        }
    }

    /**
     * The records of {@code text}. Empty lines are skipped, as are lines starting with {@code #} when
     * {@code comments} is on.
     */
    public static List<Row> read(String text, boolean comments) {
        List<Row> rows = new ArrayList<>();
        Reader reader = new Reader(text);
        while (!reader.atEnd()) {
            if (reader.atLineEnd()) {
                reader.skipLineEnd();
                continue;
            }
            if (comments && reader.peek() == '#') {
                reader.skipLine();
                continue;
            }
            rows.add(reader.record());
        }
        return rows;
    }

    /** One record, ending with CRLF, its fields quoted where they need it. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || (!field.isEmpty() && (Character.isWhitespace(field.charAt(0))
                || Character.isWhitespace(field.charAt(field.length() - 1))));
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static final class Reader {

        private final String text;
        private int position;
        private int line = 1;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        boolean atLineEnd() {
            char c = peek();
            return c == '\n' || c == '\r';
        }

        void skipLineEnd() {
            if (peek() == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
                position++;
            }
            position++;
            line++;
        }

        void skipLine() {
            while (!atEnd() && !atLineEnd()) {
                position++;
            }
            if (!atEnd()) {
                skipLineEnd();
            }
        }

        Row record() {
            int startLine = line;
            int startPosition = position;
            List<String> fields = new ArrayList<>();
            while (true) {
                StringBuilder field = new StringBuilder();
                if (!atEnd() && peek() == '"') {
                    position++;
                    boolean closed = false;
                    while (!atEnd()) {
                        char c = peek();
                        if (c == '"') {
                            if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                                field.append('"');
                                position += 2;
                                continue;
                            }
                            position++;
                            closed = true;
                            break;
                        }
                        if (c == '\n' || c == '\r') {
                            // a line break inside quotes belongs to the field
                            int before = position;
                            skipLineEnd();
                            field.append(text, before, position);
                            continue;
                        }
                        field.append(c);
                        position++;
                    }
                    if (!closed) {
                        // go back and read on after the line the record started on
                        position = startPosition;
                        line = startLine;
                        skipLine();
                        return new Row(startLine, List.of(), Fault.UNTERMINATED_QUOTE);
                    }
                    if (!atEnd() && peek() != ',' && !atLineEnd()) {
                        skipLine();
                        return new Row(startLine, List.of(), Fault.TEXT_AFTER_QUOTE);
                    }
                } else {
                    while (!atEnd() && peek() != ',' && !atLineEnd()) {
                        if (peek() == '"') {
                            skipLine();
                            return new Row(startLine, List.of(), Fault.STRAY_QUOTE);
                        }
                        field.append(peek());
                        position++;
                    }
                }
                fields.add(field.toString());
                if (atEnd()) {
                    return new Row(startLine, fields, null);
                }
                if (atLineEnd()) {
                    skipLineEnd();
                    return new Row(startLine, fields, null);
                }
                position++; // the comma
            }
        }
    }
}
